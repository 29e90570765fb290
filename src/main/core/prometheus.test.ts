import { describe, expect, it } from 'vitest';
import type { DeviceSummary } from '../../shared/contract/devices';
import { prometheusText } from './prometheus';

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
