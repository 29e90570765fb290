import type { MetricValue } from '../../../shared/contract/devices';

/**
 * Collects a poll's metrics (every protocol uses it), dropping what the device did not say: a missing object, a non-number or an
 * infinite value never becomes a sample (a gap in the chart is honest, a 0 would be a lie).
 */
export class MetricList {
  readonly values: MetricValue[] = [];

  add(name: string, value: number | null | undefined, unit: MetricValue['unit'], instance = ''): void {
    if (value === null || value === undefined || !Number.isFinite(value)) return;
    this.values.push({ name, instance, value, unit });
  }

  /** 1 / 0 for a condition, nothing when unknown. */
  flag(name: string, value: boolean | null | undefined, instance = ''): void {
    if (value === null || value === undefined) return;
    this.add(name, value ? 1 : 0, '', instance);
  }
}
