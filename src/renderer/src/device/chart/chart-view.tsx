import { Alert, Button, Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useElementSize } from '@mantine/hooks';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SeriesInfo } from '../../../../shared/contract/devices';
import type { ChartSection } from '../../../../shared/families/descriptor';
import { useLabel, useLocale } from '../../i18n/use-label';
import { formatDuration } from '../../../../shared/format/format-value';
import type { Tier } from '../../../../shared/contract/metrics';
import { shownUnit } from '../sections/shown-unit';
import { alignSeries, scaleSeries } from './align-series';
import { ChartLegend } from './chart-legend';
import { pointBudget, RANGE_MS, RANGES, type RangeId } from './range';
import { MAX_LINES, resolveChartSeries } from './resolve-series';
import { seriesStats, withLatest } from './series-stats';
import { UplotChart } from './uplot-chart';
import { useChartData } from './use-chart-data';
import { useSharedZoom } from './zoom-store';

interface Props {
  section: ChartSection;
  deviceId: string;
  series: readonly SeriesInfo[];
  range: RangeId;
  onRange: (r: RangeId) => void;
  refreshKey: number | null;
  /** Series key → its value at the last poll, for the legend's "Last". */
  latest?: ReadonlyMap<string, number>;
}

/** The width of a tier's points as stored; other widths are merged buckets. */
const TIER_STEP_MS: Record<Tier, number> = { raw: 0, '5m': 300_000, '1h': 3_600_000, '1d': 86_400_000 };

/** Band only where it means something and stays legible. */
const MAX_BANDS = 6;

export function ChartView({
  section,
  deviceId,
  series,
  range,
  onRange,
  refreshKey,
  latest,
}: Props): ReactNode {
  const { t } = useTranslation();
  const pick = useLabel();
  const locale = useLocale();
  const title = pick(section.title);
  const { ref, width } = useElementSize();
  // At most one point per device pixel of the plot, and not queried again for every pixel of a resize.
  const widthBucket = pointBudget(width, window.devicePixelRatio);
  const lines = useMemo(
    () => resolveChartSeries(section, deviceId, series, pick),
    [section, deviceId, series, pick],
  );
  const keys = useMemo(() => lines.map((l) => l.key), [lines]);
  const [zoom, setZoom] = useSharedZoom(deviceId, range);
  const { result, window: timeWindow, error } = useChartData(keys, range, widthBucket, refreshKey, zoom);
  const onZoom = useCallback((from: number, to: number) => setZoom({ from, to }), [setZoom]);
  const onResetZoom = useCallback(() => setZoom(null), [setZoom]);
  // Labels follow the span on screen: a day zoomed out of a week is labelled in hours.
  const spanMs = zoom ? zoom.to - zoom.from : RANGE_MS[range];
  const shown = shownUnit(section.unit, section.shownIn);
  const aligned = useMemo(
    () => (result ? scaleSeries(alignSeries(keys, result.series), shown.factor) : null),
    [keys, result, shown.factor],
  );
  const latestShown = useMemo(
    () =>
      latest && shown.factor !== 1 ? new Map([...latest].map(([k, v]) => [k, v * shown.factor])) : latest,
    [latest, shown.factor],
  );
  // Points that are buckets (a consolidated tier, or raw samples grouped per pixel) carry a MIN–MAX.
  const consolidated = result !== null && (result.bucketed ?? result.tier !== 'raw');
  const band = consolidated && lines.length <= MAX_BANDS;
  const stats = useMemo(
    () =>
      aligned
        ? withLatest(
            aligned.avg.map((avg, i) =>
              seriesStats(
                avg,
                consolidated ? aligned.min[i] : undefined,
                consolidated ? aligned.max[i] : undefined,
              ),
            ),
            keys,
            latestShown,
          )
        : [],
    [aligned, consolidated, keys, latestShown],
  );
  // Merged buckets or raw samples grouped per pixel are named by their width, not by the tier they came from.
  const tierLabel =
    result && consolidated && result.stepMs !== TIER_STEP_MS[result.tier]
      ? t('chart.tier.merged', { step: formatDuration(result.stepMs / 1000, locale) })
      : t(`chart.tier.${result?.tier ?? 'raw'}`);
  const [hoverIdx, setHoverIdx] = useState<number | null>(null);
  const [hidden, setHidden] = useState<ReadonlySet<string>>(new Set());
  const toggle = useCallback((key: string) => {
    setHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const hovered = aligned && hoverIdx !== null ? aligned.avg.map((col) => col[hoverIdx] ?? null) : null;
  const hasPoints = aligned !== null && aligned.t.length > 0;

  return (
    <Paper withBorder p="sm" radius="md" ref={ref} component="section" aria-label={title} data-testid="chart">
      <Group justify="space-between" mb="xs" wrap="wrap">
        <Title order={3} size="h5">
          {title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {zoom && (
            <Button size="compact-xs" variant="light" onClick={onResetZoom}>
              {t('chart.resetZoom')}
            </Button>
          )}
          <SegmentedControl
            size="xs"
            value={range}
            onChange={(v) => onRange(v)}
            data={RANGES.map((r) => ({ value: r, label: t(`range.${r}`) }))}
            aria-label={t('range.label')}
          />
        </Group>
      </Group>
      {lines.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('chart.noSeries')}
        </Text>
      ) : (
        <>
          {error && (
            <Alert color="red" mb="xs" title={t('chart.error')}>
              {error}
            </Alert>
          )}
          {aligned && hasPoints && timeWindow && (
            <UplotChart
              timeWindow={timeWindow}
              lines={lines}
              aligned={aligned}
              unit={shown.unit}
              band={band}
              spanMs={spanMs}
              hidden={hidden}
              onHover={setHoverIdx}
              onZoom={onZoom}
              onResetZoom={onResetZoom}
              label={title}
            />
          )}
          {aligned && !hasPoints && (
            <Text size="sm" c="dimmed" py="lg">
              {t('chart.noPoints')}
            </Text>
          )}
          {aligned && hasPoints && (
            <>
              <ChartLegend
                lines={lines}
                stats={stats}
                hovered={hovered}
                unit={shown.unit}
                hidden={hidden}
                onToggle={toggle}
                title={title}
              />
              <Text size="xs" c="dimmed" mt={4}>
                {tierLabel}
                {band ? ` · ${t('chart.band')}` : ''}
                {lines.length >= MAX_LINES ? ` · ${t('chart.truncated', { n: MAX_LINES })}` : ''}
                {` · ${t('chart.zoomHint')}`}
              </Text>
            </>
          )}
        </>
      )}
    </Paper>
  );
}
