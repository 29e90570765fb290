import { describe, expect, it } from 'vitest';
import { linux } from '../../shared/families/linux';
import { clean, formatProbeHuman, formatProbeJson, formatValue } from './probe-format';
import type { ProbeReport } from './probe-run';

const report: ProbeReport = {
  family: 'linux',
  identity: { sysName: 'web\x1b[31m1\r\n', cores: 4, memorySize: 8 * 1024 ** 3, sysUpTime: 90061 },
  metrics: [
    { name: 'fs.used.percent', instance: '/', value: 91.25, unit: 'percent' },
    { name: 'if.in.bps', instance: 'eth0', value: 12_500_000, unit: 'bitsPerSecond' },
  ],
  tables: { filesystems: [{ mount: '/\x07', type: 'fixedDisk', size: 10 * 1024 ** 3, used: 9 * 1024 ** 3, free: 1024 ** 3, usedPercent: 90 }] },
  state: 'warning',
  problems: [{ severity: 'warning', message: 'Filesystem used (/): 91.3 % > 85 %' }],
};

describe('probe output', () => {
  it('neutralises control characters from devices', () => {
    expect(clean('a\x1b[2Jb\u009bc\n')).toBe('a?[2Jb?c?');
    expect(clean('abcdef', 4)).toBe('abc…');
  });

  it('formats values by unit', () => {
    expect(formatValue(8 * 1024 ** 3, 'bytes')).toBe('8.0 GiB');
    expect(formatValue(12_500_000, 'bitsPerSecond')).toBe('12.5 Mbit/s');
    expect(formatValue(90061, 'seconds')).toBe('1 d 01:01:01');
    expect(formatValue(91.25, 'percent')).toBe('91.3 %');
    expect(formatValue(null, 'bytes')).toBe('-');
  });

  it('prints the page: family, state, problems, identity labels, metrics, the tables with their columns', () => {
    const out = formatProbeHuman(report, linux);
    expect([...out].some((ch) => ch !== '\n' && (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127))).toBe(false);
    expect(out).toContain('Family    linux (Linux / UNIX server)');
    expect(out).toContain('warning   Filesystem used (/): 91.3 % > 85 %');
    expect(out).toMatch(/Name\s+web\?\[31m1\?\?/);
    expect(out).toMatch(/Memory\s+8\.0 GiB/);
    expect(out).toMatch(/fs\.used\.percent\s+\/\s+91\.3 %\s+percent/);
    expect(out).toMatch(/Filesystems \(1\)\n\s+Mount point\s+Type\s+Size\s+Used\s+Free\s+Use/);
    expect(out).toMatch(/\/\?\s+fixedDisk\s+10\.0 GiB\s+9\.0 GiB/);
    // Tables the poll did not return are not printed as empty.
    expect(out).not.toContain('Watched processes');
  });

  it('prints JSON that parses back to the same report', () => {
    expect(JSON.parse(formatProbeJson(report))).toEqual(report);
  });
});
