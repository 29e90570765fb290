import { Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UptimePeriod, UptimeStats } from '../../../shared/contract/devices';
import { formatDateTime } from '../../../shared/format/format-time';
import { formatDuration, formatValue } from '../../../shared/format/format-value';
import { useLocale } from '../i18n/use-label';

const PERIOD_SECONDS: Record<UptimePeriod['period'], number> = {
  day: 86_400,
  week: 7 * 86_400,
  month: 30 * 86_400,
  year: 365 * 86_400,
};

/**
 * Periods that monitoring covers only in part say how much it covers; a longer period that saw exactly the
 * same polls as the one above it is the same figure again and is left out.
 */
export function shownPeriods(periods: UptimePeriod[]): { period: UptimePeriod; partial: boolean }[] {
  const out: { period: UptimePeriod; partial: boolean }[] = [];
  for (const p of periods) {
    const partial = p.observedSeconds !== null && p.observedSeconds < PERIOD_SECONDS[p.period] * 0.99;
    const prev = out.at(-1);
    if (partial && prev?.partial && prev.period.observedSeconds === p.observedSeconds) continue;
    out.push({ period: p, partial });
  }
  return out;
}

/** Availability and uptime between restarts per period, as the original product's "Uptime" page. */
export function UptimeSection({ uptime }: { uptime: UptimeStats }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = (s: number | null): string => (s === null ? '—' : formatDuration(s, locale));
  if (uptime.periods.length === 0 && uptime.currentSeconds === null) return null;
  const shown = shownPeriods(uptime.periods);
  // A device that reports no uptime of its own (a vCenter) has availability but no uptime between restarts:
  // its uptime columns and line would be only dashes.
  const hasUptime = shown.some(({ period: p }) => p.maxUptimeSeconds !== null || p.avgUptimeSeconds !== null);
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('uptime.title')}>
      <Title order={2} size="h5" mb={4}>
        {t('uptime.title')}
      </Title>
      {(uptime.currentSeconds !== null || uptime.lastRestartAt !== null) && (
        <Text size="sm" c="dimmed" mb="xs">
          {uptime.currentSeconds !== null && t('uptime.current', { duration: d(uptime.currentSeconds) })}
          {uptime.currentSeconds !== null && uptime.lastRestartAt !== null && ' · '}
          {uptime.lastRestartAt !== null &&
            t('uptime.lastRestart', { when: formatDateTime(uptime.lastRestartAt, locale) })}
        </Text>
      )}
      {uptime.periods.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={4} aria-label={t('uptime.title')} data-testid="uptime-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('uptime.period')}</Table.Th>
                <Table.Th ta="right">{t('uptime.availability')}</Table.Th>
                <Table.Th ta="right">{t('uptime.outages')}</Table.Th>
                <Table.Th ta="right">{t('uptime.restarts')}</Table.Th>
                {hasUptime && <Table.Th ta="right">{t('uptime.min')}</Table.Th>}
                {hasUptime && <Table.Th ta="right">{t('uptime.avg')}</Table.Th>}
                {hasUptime && <Table.Th ta="right">{t('uptime.max')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map(({ period: p, partial }) => (
                <Table.Tr key={p.period}>
                  <Table.Td>
                    {partial
                      ? t('uptime.observed', { duration: d(p.observedSeconds) })
                      : t(`uptime.periods.${p.period}`)}
                  </Table.Td>
                  <Table.Td ta="right">{formatValue(p.availabilityPercent, 'percent', locale)}</Table.Td>
                  <Table.Td ta="right">{formatValue(p.outages, 'count', locale)}</Table.Td>
                  <Table.Td ta="right">{formatValue(p.restarts, 'count', locale)}</Table.Td>
                  {hasUptime && <Table.Td ta="right">{d(p.minUptimeSeconds)}</Table.Td>}
                  {hasUptime && <Table.Td ta="right">{d(p.avgUptimeSeconds)}</Table.Td>}
                  {hasUptime && <Table.Td ta="right">{d(p.maxUptimeSeconds)}</Table.Td>}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
