import type { PollResult } from '../pollers/source';
import type { SampleInput } from '../store/metric-store';

/**
 * What one poll writes to the store: `device.up` (1, or 0 for a failed poll) and every metric, each series
 * with the history its source asked for (a large vCenter's per-VM figures without the raw tier).
 */
export function pollSamples(deviceId: string, result: PollResult | null): SampleInput[] {
  const samples: SampleInput[] = [{ deviceId, metric: 'device.up', instance: '', unit: '', value: result ? 1 : 0 }];
  if (!result) return samples;
  const reduced = new Set(result.reducedHistory);
  for (const m of result.metrics) {
    const sample: SampleInput = { deviceId, metric: m.name, instance: m.instance, unit: m.unit, value: m.value };
    if (reduced.has(m.name)) sample.history = 'reduced';
    samples.push(sample);
  }
  return samples;
}
