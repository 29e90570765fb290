import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Severity } from '../../../shared/contract/events';
import { SEVERITY_COLOR } from './state-colors';

// Issue 14 item 8: in a narrow flex row the badge shrank and Mantine's ellipsis read "CRI…". A state word
// is short and must read whole in every language: the badge never shrinks and its label never clips.
const NEVER_CUT = { root: { flex: 'none', maxWidth: 'none', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } } as const;

export function StateBadge({
  state,
  size = 'sm',
}: {
  state: Severity;
  size?: 'xs' | 'sm' | 'md' | 'lg';
}): ReactNode {
  const { t } = useTranslation();
  return (
    <Badge color={SEVERITY_COLOR[state]} size={size} variant="filled" data-state={state} styles={NEVER_CUT}>
      {t(`state.${state}`)}
    </Badge>
  );
}
