import { Paper, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UptimeStats } from '../../../shared/contract/devices';
import { formatDateTime } from '../format/format-time';
import { formatDuration, formatValue } from '../format/format-value';
import { useLocale } from '../i18n/use-label';

/** Availability and uptime between restarts per period, as the original product's "Uptime" page. */
export function UptimeSection({ uptime }: { uptime: UptimeStats }): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = (s: number | null): string => (s === null ? '—' : formatDuration(s, locale));
  if (uptime.periods.length === 0 && uptime.currentSeconds === null) return null;
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-label={t('uptime.title')}>
      <Title order={2} size="h5" mb={4}>
        {t('uptime.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('uptime.current', { duration: d(uptime.currentSeconds) })}
        {uptime.lastRestartAt !== null &&
          ` · ${t('uptime.lastRestart', { when: formatDateTime(uptime.lastRestartAt, locale) })}`}
      </Text>
      {uptime.periods.length > 0 && (
        <Table.ScrollContainer minWidth={560}>
          <Table fz="sm" verticalSpacing={4} aria-label={t('uptime.title')} data-testid="uptime-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('uptime.period')}</Table.Th>
                <Table.Th ta="right">{t('uptime.availability')}</Table.Th>
                <Table.Th ta="right">{t('uptime.outages')}</Table.Th>
                <Table.Th ta="right">{t('uptime.restarts')}</Table.Th>
                <Table.Th ta="right">{t('uptime.min')}</Table.Th>
                <Table.Th ta="right">{t('uptime.avg')}</Table.Th>
                <Table.Th ta="right">{t('uptime.max')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {uptime.periods.map((p) => (
                <Table.Tr key={p.period}>
                  <Table.Td>{t(`uptime.periods.${p.period}`)}</Table.Td>
                  <Table.Td ta="right">{formatValue(p.availabilityPercent, 'percent', locale)}</Table.Td>
                  <Table.Td ta="right">{formatValue(p.outages, 'count', locale)}</Table.Td>
                  <Table.Td ta="right">{formatValue(p.restarts, 'count', locale)}</Table.Td>
                  <Table.Td ta="right">{d(p.minUptimeSeconds)}</Table.Td>
                  <Table.Td ta="right">{d(p.avgUptimeSeconds)}</Table.Td>
                  <Table.Td ta="right">{d(p.maxUptimeSeconds)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
