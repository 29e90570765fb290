import { Table, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../shared/units';
import { formatValue } from '../../../../shared/format/format-value';
import { useLocale } from '../../i18n/use-label';
import { lineColor } from './palette';
import type { ChartLine } from './resolve-series';
import type { SeriesStats } from './series-stats';

interface Props {
  lines: ChartLine[];
  stats: SeriesStats[];
  /** Values under the cursor, or null when the cursor is outside the chart (the last values are shown). */
  hovered: (number | null)[] | null;
  unit: Unit;
  hidden: ReadonlySet<string>;
  onToggle: (key: string) => void;
  title: string;
}

export function ChartLegend({ lines, stats, hovered, unit, hidden, onToggle, title }: Props): ReactNode {
  const { t } = useTranslation();
  const locale = useLocale();
  const f = (v: number | null | undefined): string => formatValue(v ?? null, unit, locale);
  return (
    <Table.ScrollContainer minWidth={420} mah={220}>
      <Table
        fz="xs"
        verticalSpacing={2}
        aria-label={t('chart.legendOf', { chart: title })}
        data-testid="chart-legend"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('chart.series')}</Table.Th>
            <Table.Th ta="right">{hovered ? t('chart.atCursor') : t('chart.last')}</Table.Th>
            <Table.Th ta="right">{t('chart.min')}</Table.Th>
            <Table.Th ta="right">{t('chart.avg')}</Table.Th>
            <Table.Th ta="right">{t('chart.max')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((l, i) => {
            const s = stats[i];
            const off = hidden.has(l.key);
            return (
              <Table.Tr key={l.key} style={{ opacity: off ? 0.45 : 1 }} data-series={l.key}>
                <Table.Td>
                  <UnstyledButton
                    onClick={() => onToggle(l.key)}
                    aria-pressed={!off}
                    title={off ? t('chart.show') : t('chart.hide')}
                    style={{ display: 'inline-flex', alignItems: 'center', gap: 6, fontSize: 'inherit' }}
                  >
                    <span
                      aria-hidden
                      style={{ width: 12, height: 3, background: lineColor(i), display: 'inline-block' }}
                    />
                    {l.label}
                  </UnstyledButton>
                </Table.Td>
                <Table.Td ta="right" data-col="current">
                  {f(hovered ? hovered[i] : s?.last)}
                </Table.Td>
                <Table.Td ta="right" data-col="min">
                  {f(s?.min)}
                </Table.Td>
                <Table.Td ta="right" data-col="avg">
                  {f(s?.avg)}
                </Table.Td>
                <Table.Td ta="right" data-col="max">
                  {f(s?.max)}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
