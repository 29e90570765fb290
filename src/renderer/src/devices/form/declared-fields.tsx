import { NumberInput, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { kindDefinition, type KindField } from '../../../../shared/kinds/index';
import { useLabel } from '../../i18n/use-label';
import type { FieldsProps } from './field-props';
import { SecretInput } from './secret-input';

/**
 * The settings of a kind that declares its fields (PostgreSQL and the other services): drawn from the
 * definition, so such a kind needs no component of its own. A password field follows when the kind has one.
 */
export function DeclaredFields({ values: v, set, errors, hasSecret }: FieldsProps): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const def = kindDefinition(v.kind);
  const put = (key: string, value: string | number): void => set('service', { ...v.service, [key]: value });
  const shown = (f: KindField): boolean => !f.when || f.when.values.includes(String(v.service[f.when.key] ?? ''));
  const field = (f: KindField): ReactNode => {
    const error = errors[`service.${f.key}`];
    const value = v.service[f.key] ?? '';
    if (f.type === 'select')
      return (
        <Select
          key={f.key}
          label={pick(f.label)}
          value={String(value)}
          onChange={(x) => x !== null && put(f.key, x)}
          data={(f.options ?? []).map((o) => ({ value: o.value, label: pick(o.label) }))}
          allowDeselect={false}
          error={error}
        />
      );
    if (f.type === 'number')
      return (
        <NumberInput
          key={f.key}
          label={pick(f.label)}
          value={value}
          min={f.min}
          max={f.max}
          onChange={(x) => put(f.key, x === '' ? '' : Number(x))}
          error={error}
        />
      );
    return (
      <TextInput
        key={f.key}
        label={pick(f.label)}
        value={String(value)}
        placeholder={f.placeholder}
        onChange={(e) => put(f.key, e.currentTarget.value)}
        error={error}
      />
    );
  };
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {(def.fields ?? []).filter(shown).map(field)}
      {def.secretFields.includes('password') && (
        <SecretInput
          label={t('form.password')}
          value={v.password}
          onChange={(x) => set('password', x)}
          error={errors.password}
          hasSecret={hasSecret}
        />
      )}
    </SimpleGrid>
  );
}
