import type { SeriesInfo } from '../../../../shared/contract/devices';
import type { ChartSection, Label } from '../../../../shared/families/descriptor';
import { seriesKey } from '../../../../shared/series-key';

export interface ChartLine {
  key: string;
  label: string;
}

/** The contract allows 200 series per query; a chart with more is cut, and says so. */
export const MAX_LINES = 200;

const natural = new Intl.Collator(undefined, { numeric: true });

/**
 * Turns a chart's series spec into the store's series keys: a fixed instance names one series; instance '*'
 * means every instance of that metric the device has (from the detail's series list), in natural order.
 * Only series the store knows are drawn.
 */
export function resolveChartSeries(
  section: ChartSection,
  deviceId: string,
  known: readonly SeriesInfo[],
  pick: (l: Label) => string,
): ChartLine[] {
  const keys = new Set(known.map((s) => s.key));
  const lines: ChartLine[] = [];
  // A chart of one unlabelled metric is best named by its own title ("CPU"), not by the metric's id.
  const fallback = (metric: string): string => (section.series.length === 1 ? pick(section.title) : metric);
  for (const spec of section.series) {
    if (spec.instance === '*') {
      const instances = known
        .filter((s) => s.metric === spec.metric)
        .sort((a, b) => natural.compare(a.instance, b.instance));
      for (const s of instances) {
        // One unlabelled '*' spec: the chart's title says what it is, the instance names the line.
        const alone = section.series.length === 1 && !spec.label;
        const base = spec.label ? pick(spec.label) : s.instance ? spec.metric : fallback(spec.metric);
        lines.push({
          key: s.key,
          label: alone && s.instance ? s.instance : s.instance ? `${base} ${s.instance}` : base,
        });
      }
    } else {
      const key = seriesKey(deviceId, spec.metric, spec.instance ?? '');
      if (!keys.has(key)) continue;
      const base = spec.label ? pick(spec.label) : spec.instance ? spec.metric : fallback(spec.metric);
      lines.push({ key, label: spec.instance ? `${base} ${spec.instance}` : base });
    }
  }
  const unique = lines.filter((l, i) => lines.findIndex((o) => o.key === l.key) === i);
  return unique.slice(0, MAX_LINES);
}
