import { Group, NumberInput, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldsProps } from './field-props';

export function HttpFields({ values: v, set, errors }: FieldsProps): ReactNode {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <div>
          <Text size="sm" fw={500} mb={4} id="http-scheme-label">
            {t('form.scheme')}
          </Text>
          <SegmentedControl
            aria-labelledby="http-scheme-label"
            value={v.httpScheme}
            onChange={(x) => set('httpScheme', x === 'https' ? 'https' : 'http')}
            data={[
              { value: 'http', label: 'HTTP' },
              { value: 'https', label: 'HTTPS' },
            ]}
          />
        </div>
        <TextInput
          style={{ flex: 1 }}
          label={t('form.path')}
          value={v.httpPath}
          onChange={(e) => set('httpPath', e.currentTarget.value)}
          error={errors.httpPath}
        />
      </Group>
      <NumberInput
        label={t('form.timeoutMs')}
        value={v.httpTimeoutMs}
        min={100}
        max={60000}
        step={500}
        onChange={(x) => set('httpTimeoutMs', Number(x) || 0)}
        error={errors.httpTimeoutMs}
      />
    </Stack>
  );
}
