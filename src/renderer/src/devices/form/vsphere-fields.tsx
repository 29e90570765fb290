import { Button, Code, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_FULL_VMS, VM_HISTORY_POLICIES, type VmHistoryPolicy } from '../../../../shared/kinds/vsphere';
import type { FieldsProps } from './field-props';
import { SecretInput } from './secret-input';

const POLICY_LABEL: Record<VmHistoryPolicy, string> = {
  auto: 'form.vmHistoryAuto',
  full: 'form.vmHistoryFull',
  reduced: 'form.vmHistoryReduced',
  'table-only': 'form.vmHistoryTableOnly',
};

export function VsphereFields({ values: v, set, errors, hasSecret }: FieldsProps): ReactNode {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <TextInput
        label={t('form.vsphereUser')}
        placeholder="administrator@vsphere.local"
        value={v.vsphereUser}
        onChange={(e) => set('vsphereUser', e.currentTarget.value)}
        error={errors.vsphereUser}
        required
      />
      <SecretInput
        label={t('form.password')}
        value={v.password}
        onChange={(x) => set('password', x)}
        error={errors.password}
        hasSecret={hasSecret}
        required
      />
      <div>
        <Text size="sm" fw={500}>
          {t('form.pinnedCertificate')}
        </Text>
        {v.tlsFingerprint ? (
          <Group gap="xs" wrap="nowrap" align="center">
            <Code style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }} data-testid="pinned-fingerprint">
              {v.tlsFingerprint}
            </Code>
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              onClick={() => set('tlsFingerprint', null)}
            >
              {t('form.unpin')}
            </Button>
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('form.noPinnedCertificate')}
          </Text>
        )}
        {errors.tlsFingerprint && (
          <Text size="xs" c="red">
            {errors.tlsFingerprint}
          </Text>
        )}
      </div>
      <Select
        label={t('form.vmHistory')}
        description={t('form.vmHistoryHelp')}
        data={VM_HISTORY_POLICIES.map((p) => ({ value: p, label: t(POLICY_LABEL[p], { count: AUTO_FULL_VMS }) }))}
        value={v.vmHistory}
        onChange={(x) => {
          const policy = VM_HISTORY_POLICIES.find((p) => p === x);
          if (policy) set('vmHistory', policy);
        }}
        allowDeselect={false}
        error={errors.vmHistory}
      />
    </Stack>
  );
}
