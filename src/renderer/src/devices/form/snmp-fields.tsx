import {
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnmpSettings } from '../../../../shared/contract/devices';
import type { FieldsProps } from './field-props';
import { SecretInput } from './secret-input';

const AUTH_LABEL: Record<SnmpSettings['authProtocol'], string> = {
  md5: 'MD5',
  sha: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};
const PRIV_LABEL: Record<SnmpSettings['privProtocol'], string> = {
  des: 'DES',
  aes: 'AES-128',
  aes256b: 'AES-256 (Blumenthal)',
  aes256r: 'AES-256 (Reeder)',
};

export function SnmpFields({ values: v, set, errors, hasSecret, runningProcesses = [] }: FieldsProps): ReactNode {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500} mb={4} id="snmp-version-label">
          {t('form.snmpVersion')}
        </Text>
        <SegmentedControl
          aria-labelledby="snmp-version-label"
          value={v.snmpVersion}
          onChange={(x) => set('snmpVersion', x)}
          data={[
            { value: '1', label: 'v1' },
            { value: '2c', label: 'v2c' },
            { value: '3', label: 'v3' },
          ]}
        />
      </div>
      {v.snmpVersion !== '3' ? (
        <SecretInput
          label={t('form.community')}
          value={v.community}
          onChange={(x) => set('community', x)}
          error={errors.community}
          hasSecret={hasSecret}
          required
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('form.v3User')}
              value={v.v3User}
              onChange={(e) => set('v3User', e.currentTarget.value)}
              error={errors.v3User}
              required
            />
            <Select
              label={t('form.level')}
              value={v.level}
              onChange={(x) => x && set('level', x)}
              data={[
                { value: 'noAuthNoPriv', label: t('form.levels.noAuthNoPriv') },
                { value: 'authNoPriv', label: t('form.levels.authNoPriv') },
                { value: 'authPriv', label: t('form.levels.authPriv') },
              ]}
              allowDeselect={false}
              error={errors.level}
            />
          </SimpleGrid>
          {v.level !== 'noAuthNoPriv' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('form.authProtocol')}
                value={v.authProtocol}
                onChange={(x) => x && set('authProtocol', x as SnmpSettings['authProtocol'])}
                data={Object.entries(AUTH_LABEL).map(([value, label]) => ({ value, label }))}
                allowDeselect={false}
                error={errors.authProtocol}
              />
              <SecretInput
                label={t('form.authKey')}
                value={v.authKey}
                onChange={(x) => set('authKey', x)}
                error={errors.authKey}
                hasSecret={hasSecret}
                required
              />
            </SimpleGrid>
          )}
          {v.level === 'authPriv' && (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('form.privProtocol')}
                value={v.privProtocol}
                onChange={(x) => x && set('privProtocol', x as SnmpSettings['privProtocol'])}
                data={Object.entries(PRIV_LABEL).map(([value, label]) => ({ value, label }))}
                allowDeselect={false}
                error={errors.privProtocol}
              />
              <SecretInput
                label={t('form.privKey')}
                value={v.privKey}
                onChange={(x) => set('privKey', x)}
                error={errors.privKey}
                hasSecret={hasSecret}
                required
              />
            </SimpleGrid>
          )}
          <TextInput
            label={t('form.context')}
            value={v.context}
            onChange={(e) => set('context', e.currentTarget.value)}
            error={errors.context}
          />
        </>
      )}
      <Group grow>
        <NumberInput
          label={t('form.timeoutMs')}
          value={v.timeoutMs}
          min={100}
          max={60000}
          step={500}
          onChange={(x) => set('timeoutMs', Number(x) || 0)}
          error={errors.timeoutMs}
        />
        <NumberInput
          label={t('form.retries')}
          value={v.retries}
          min={0}
          max={5}
          onChange={(x) => set('retries', Number(x) || 0)}
          error={errors.retries}
        />
      </Group>
      <TagsInput
        label={t('form.watchedProcesses')}
        description={t('form.watchedProcessesHelp')}
        value={v.watchedProcesses}
        data={runningProcesses}
        limit={50}
        onChange={(x) => set('watchedProcesses', x)}
        error={errors.watchedProcesses}
        clearable
      />
    </Stack>
  );
}
