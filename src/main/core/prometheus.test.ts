import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../shared/contract/devices';
import { processMetricsText, prometheusText } from './prometheus';

const device = (id: string, name: string, state: DeviceSummary['state']): DeviceSummary => ({
  id,
  name,
  kind: 'snmp',
  family: 'linux',
  group: 'servers',
  host: '10.0.0.1',
  enabled: true,
  intervalSeconds: 60,
  state,
  message: null,
  keyFigure: null,
  lastPollAt: 1,
  uptimeSeconds: 1,
  weather: { ok: 1, warning: 0, critical: 0, unknown: 0 },
});

describe('prometheus exposition', () => {
  it('writes one gauge family per metric with escaped labels and the device state', () => {
    const text = prometheusText(
      [
        { key: 'a|fs.used.percent|/var', deviceId: 'a', metric: 'fs.used.percent', instance: '/var', unit: 'percent', at: 1700000000000, value: 91.5 },
        { key: 'a|fs.used.percent|C:\\', deviceId: 'a', metric: 'fs.used.percent', instance: 'C:\\ "sys"', unit: 'percent', at: 1700000000000, value: 12 },
        { key: 'gone|cpu.total|', deviceId: 'gone', metric: 'cpu.total', instance: '', unit: 'percent', at: 1, value: 5 },
      ],
      [device('a', 'db "main"\nserver', 'critical')],
    );
    const lines = text.trim().split('\n');
    expect(lines).toContain('# TYPE vigie_fs_used_percent gauge');
    expect(lines).toContain(
      'vigie_fs_used_percent{device="db \\"main\\"\\nserver",device_id="a",family="linux",metric="fs.used.percent",instance="/var",unit="percent"} 91.5 1700000000000',
    );
    expect(text).toContain('instance="C:\\\\ \\"sys\\""');
    expect(text).not.toContain('device_id="gone"');
    expect(lines).toContain('vigie_device_state{device="db \\"main\\"\\nserver",device_id="a",family="linux"} 2');
  });
});

describe('process metrics exposition', () => {
  it('names the process figures as Prometheus clients do and gives the lag in seconds', () => {
    const text = processMetricsText({
      residentBytes: 150_000_000,
      heapUsedBytes: 40_000_000,
      cpuSeconds: 12.5,
      startTimeSeconds: 1_700_000_000,
      openFds: 1034,
      lag: { p50: 0.0004, p99: 0.0123, max: 0.05, samples: 980 },
    });
    const lines = text.trim().split('\n');
    expect(lines).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(lines).toContain('process_resident_memory_bytes 150000000');
    expect(lines).toContain('process_open_fds 1034');
    expect(lines).toContain('process_cpu_seconds_total 12.5');
    expect(lines).toContain('# TYPE vigie_event_loop_lag_p99_seconds gauge');
    expect(lines).toContain('vigie_event_loop_lag_p99_seconds 0.0123');
    expect(lines).toContain('vigie_event_loop_lag_max_seconds 0.05');
  });

  it('leaves out what it could not read rather than writing 0', () => {
    const text = processMetricsText({ residentBytes: 1, heapUsedBytes: 1, cpuSeconds: 0, startTimeSeconds: 1, openFds: null, lag: null });
    expect(text).not.toContain('process_open_fds');
    expect(text).not.toContain('vigie_event_loop_lag');
  });
});
