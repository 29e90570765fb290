import type { PollResult } from './source';

/**
 * Every source's `uptimeSeconds` becomes the `uptime` metric (unless the source already measured one), so
 * that pages, charts, `vigie probe` and the uptime statistics find it the same way whatever the protocol.
 */
export function withUptimeMetric(result: PollResult): PollResult {
  if (result.uptimeSeconds === null || result.metrics.some((m) => m.name === 'uptime')) return result;
  return { ...result, metrics: [...result.metrics, { name: 'uptime', instance: '', value: result.uptimeSeconds, unit: 'seconds' }] };
}
