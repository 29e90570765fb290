import { describe, expect, it } from 'vitest';
import type { PollResult } from './source';
import { withUptimeMetric } from './uptime-metric';

const poll = (uptimeSeconds: number | null, metrics: PollResult['metrics'] = []): PollResult => ({
  family: 'linux',
  identity: {},
  metrics,
  tables: {},
  problems: [],
  uptimeSeconds,
});

describe('uptime metric', () => {
  it('adds the uptime a source reported as the `uptime` metric', () => {
    expect(withUptimeMetric(poll(8_650_465.46)).metrics).toEqual([{ name: 'uptime', instance: '', value: 8_650_465.46, unit: 'seconds' }]);
  });

  it('keeps a source that measured uptime itself, and adds nothing without an uptime', () => {
    const own = poll(100, [{ name: 'uptime', instance: '', value: 99, unit: 'seconds' }]);
    expect(withUptimeMetric(own).metrics).toEqual([{ name: 'uptime', instance: '', value: 99, unit: 'seconds' }]);
    expect(withUptimeMetric(poll(null)).metrics).toEqual([]);
  });
});
