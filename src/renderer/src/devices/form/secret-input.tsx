import { PasswordInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hasSecret: boolean;
  required?: boolean;
}

/**
 * A write-only secret: the stored value is never sent back, so the field starts empty and says "set";
 * leaving it empty keeps the stored secret.
 */
export function SecretInput({ label, value, onChange, error, hasSecret, required }: Props): ReactNode {
  const { t } = useTranslation();
  return (
    <PasswordInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      required={required && !hasSecret}
      placeholder={hasSecret ? t('form.secretSet') : ''}
      description={hasSecret ? t('form.secretKeep') : undefined}
      autoComplete="new-password"
    />
  );
}
