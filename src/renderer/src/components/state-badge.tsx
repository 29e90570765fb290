import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../shared/contract/events';
import { SEVERITY_COLOR } from './state-colors';

export function StateBadge({
  state,
  size = 'sm',
}: {
  state: Severity;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}): ReactNode {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[state]} size={size} variant="filled" data-state={state}>
      {t(`state.${state}`)}
    </Badge>
  );
}
