import { describe, expect, it } from 'vitest';
import type { PollResult } from '../pollers/source';
import { pollSamples } from './poll-samples';

const result = (over: Partial<PollResult>): PollResult => ({
  family: 'vsphere',
  identity: {},
  metrics: [
    { name: 'host.cpu.percent', instance: 'esx1', value: 25, unit: 'percent' },
    { name: 'vm.cpu.mhz', instance: 'web', value: 1000, unit: 'megahertz' },
  ],
  tables: {},
  problems: [],
  uptimeSeconds: null,
  ...over,
});

describe('pollSamples', () => {
  it('writes device.up and every metric with full history when the source asks nothing else', () => {
    const samples = pollSamples('vc', result({}));
    expect(samples).toEqual([
      { deviceId: 'vc', metric: 'device.up', instance: '', unit: '', value: 1 },
      { deviceId: 'vc', metric: 'host.cpu.percent', instance: 'esx1', unit: 'percent', value: 25 },
      { deviceId: 'vc', metric: 'vm.cpu.mhz', instance: 'web', unit: 'megahertz', value: 1000 },
    ]);
    expect(samples.some((s) => 'history' in s)).toBe(false);
  });

  it('marks the metrics the source names as reduced, and only those', () => {
    const samples = pollSamples('vc', result({ reducedHistory: ['vm.cpu.mhz'] }));
    expect(samples.find((s) => s.metric === 'vm.cpu.mhz')?.history).toBe('reduced');
    expect(samples.find((s) => s.metric === 'host.cpu.percent')?.history).toBeUndefined();
  });

  it('a failed poll writes device.up = 0 alone', () => {
    expect(pollSamples('vc', null)).toEqual([{ deviceId: 'vc', metric: 'device.up', instance: '', unit: '', value: 0 }]);
  });
});
