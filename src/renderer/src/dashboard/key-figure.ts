import type { DeviceSummary } from '../../../shared/contract/devices';
import { formatValue } from '../../../shared/format/format-value';

/** The tile's one figure: the poller's own text when it gives one (e.g. "12/40 VMs"), else value + unit. */
export function keyFigureText(summary: DeviceSummary, locale: string): string {
  const k = summary.keyFigure;
  if (!k) return '—';
  if (k.text !== null && k.text !== '') return k.text;
  return formatValue(k.value, k.unit, locale);
}
