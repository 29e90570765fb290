import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../shared/contract/devices';
import { processMetricsText, prometheusChunks, prometheusText } from './prometheus';

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

describe('prometheus exposition in chunks', () => {
  it('cuts a large exposition into chunks of whole lines, each family in one run, as one text would be', () => {
    const devices = Array.from({ length: 300 }, (_, i) => device(`d${i}`, `dev ${i}`, 'ok'));
    const latest = devices.flatMap((d) =>
      ['cpu.total', 'if.in.bps', 'fs.used.percent'].flatMap((metric) =>
        Array.from({ length: 4 }, (_, k) => ({ key: `${d.id}|${metric}|i${k}`, deviceId: d.id, metric, instance: `i${k}`, unit: 'percent' as const, at: 5, value: k })),
      ),
    );
    const chunks = [...prometheusChunks(devices, (id) => latest.filter((v) => v.deviceId === id))].filter((c) => c !== '');
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.endsWith('\n')).toBe(true);
    const lines = chunks.join('').trim().split('\n');
    expect(lines.filter((l) => l.startsWith('vigie_if_in_bps{'))).toHaveLength(1200);
    // Every family is contiguous: once another family's TYPE line appears, its name does not come back.
    const seen: string[] = [];
    for (const l of lines) {
      const name = /^(?:# TYPE )?(vigie_[a-z_]+)/.exec(l)?.[1];
      if (name && seen.at(-1) !== name) {
        expect(seen).not.toContain(name);
        seen.push(name);
      }
    }
    expect(seen).toEqual(['vigie_cpu_total', 'vigie_fs_used_percent', 'vigie_if_in_bps', 'vigie_device_state']);
  });
});

describe('process metrics exposition', () => {
  it('names the process figures as Prometheus clients do and gives the lag in seconds', () => {
    const text = processMetricsText({
      residentBytes: 150_000_000,
      heapUsedBytes: 40_000_000,
      heapTotalBytes: 52_000_000,
      externalBytes: 3_000_000,
      cpuSeconds: 12.5,
      startTimeSeconds: 1_700_000_000,
      openFds: 1034,
      lag: { p50: 0.0004, p99: 0.0123, max: 0.05, samples: 980 },
    });
    const lines = text.trim().split('\n');
    expect(lines).toContain('# TYPE process_resident_memory_bytes gauge');
    expect(lines).toContain('process_resident_memory_bytes 150000000');
    expect(lines).toContain('process_open_fds 1034');
    expect(lines).toContain('nodejs_heap_size_total_bytes 52000000');
    expect(lines).toContain('nodejs_external_memory_bytes 3000000');
    expect(lines).toContain('process_cpu_seconds_total 12.5');
    expect(lines).toContain('# TYPE vigie_event_loop_lag_p99_seconds gauge');
    expect(lines).toContain('vigie_event_loop_lag_p99_seconds 0.0123');
    expect(lines).toContain('vigie_event_loop_lag_max_seconds 0.05');
  });

  it('leaves out what it could not read rather than writing 0', () => {
    const text = processMetricsText({ residentBytes: 1, heapUsedBytes: 1, heapTotalBytes: 2, externalBytes: 0, cpuSeconds: 0, startTimeSeconds: 1, openFds: null, lag: null });
    expect(text).not.toContain('process_open_fds');
    expect(text).not.toContain('vigie_event_loop_lag');
  });
});
