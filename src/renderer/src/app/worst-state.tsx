import { Badge } from '@mantine/core';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { STATES, worstState } from '../../../shared/states';
import { useDevices } from '../api/api-context';
import { STATE_COLOR } from '../components/state-colors';
import { href } from '../routing/route';

/** The header's health light: the worst state of all devices, with how many are in each bad state. */
export function WorstState(): ReactNode {
  const { t } = useTranslation();
  const devices = useDevices();
  const { worst, text } = useMemo(() => {
    const counts = { ok: 0, warning: 0, critical: 0, unknown: 0 };
    for (const d of devices) counts[d.state]++;
    const worst = worstState(devices.map((d) => d.state));
    const bad = STATES.filter((s) => s !== 'ok' && counts[s] > 0).map((s) =>
      t(`header.count.${s}`, { count: counts[s] }),
    );
    return { worst, text: bad.length ? bad.join(' · ') : t('header.allOk', { count: devices.length }) };
  }, [devices, t]);
  return (
    <Badge
      component="a"
      href={href({ page: 'alerts' })}
      color={STATE_COLOR[worst]}
      variant="filled"
      size="lg"
      data-testid="worst-state"
      data-state={worst}
      style={{ cursor: 'pointer', textTransform: 'none' }}
      aria-label={`${t('header.health')}: ${text}`}
    >
      {text}
    </Badge>
  );
}
