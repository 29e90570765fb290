import { describe, expect, it } from 'vitest';
import { CounterRates } from '../../counter-rates';
import type { SnmpSession, SnmpTable, SnmpVarbind } from '../session/types';
import { filesystems, matchesWatched, processTable, readProcesses, readStorage, windowsMount } from './host-resources';

/** A session over a fixed table map (entry OID → table). */
function fakeSession(tables: Record<string, SnmpTable>): SnmpSession {
  return {
    get: () => Promise.resolve(new Map()),
    walk: () => Promise.resolve([]),
    table: (entry, columns) => {
      const t: SnmpTable = tables[entry] ?? new Map<string, Map<number, SnmpVarbind>>();
      const out: SnmpTable = new Map();
      for (const [i, row] of t) out.set(i, new Map([...row].filter(([c]) => columns.includes(c))));
      return Promise.resolve(out);
    },
    close: () => undefined,
  };
}

const int = (value: number): SnmpVarbind => ({ oid: '', type: 'integer', value });
const str = (value: string): SnmpVarbind => ({ oid: '', type: 'octets', value: Buffer.from(value) });
const oid = (value: string): SnmpVarbind => ({ oid: '', type: 'oid', value });

describe('host-resources', () => {
  it('sizes storage in bytes, reads negative Integer32 sizes as unsigned, skips rows without size', async () => {
    const s = fakeSession({
      '1.3.6.1.2.1.25.2.3.1': new Map([
        ['1', new Map([[2, oid('1.3.6.1.2.1.25.2.1.4')], [3, str('/data')], [4, int(4096)], [5, int(-1)], [6, int(1000)]])],
        ['2', new Map([[2, oid('1.3.6.1.2.1.25.2.1.2')], [3, str('Physical memory')], [4, int(1024)], [5, int(100)], [6, int(50)]])],
        ['3', new Map([[2, oid('1.3.6.1.2.1.25.2.1.4')], [3, str('/broken')], [4, int(4096)]])],
      ]),
    });
    const storage = await readStorage(s);
    expect(storage.map((e) => [e.descr, e.type, e.size, e.used])).toEqual([
      ['/data', 'fixedDisk', 4096 * (2 ** 32 - 1), 4096 * 1000],
      ['Physical memory', 'ram', 102_400, 51_200],
    ]);
    const fs = filesystems(storage);
    expect(fs.rows.map((r) => r.mount)).toEqual(['/data']);
    expect(fs.metrics.find((m) => m.name === 'fs.used.percent')?.value).toBeCloseTo((1000 / (2 ** 32 - 1)) * 100, 12);
  });

  it('names Windows drives by their letter', () => {
    expect(windowsMount('C:\\ Label:System  Serial Number 1234abcd')).toBe('C:\\');
    expect(windowsMount('/var')).toBe('/var');
  });

  it('matches watched processes by name or path, case-insensitively', () => {
    expect(matchesWatched({ name: 'nginx', path: '/usr/sbin/nginx' }, 'nginx')).toBe(true);
    expect(matchesWatched({ name: 'java', path: '/opt/app/bin/java' }, 'JAVA')).toBe(true);
    expect(matchesWatched({ name: 'python3', path: '/usr/bin/python3.11' }, 'python3.11')).toBe(true);
    expect(matchesWatched({ name: 'nginx-helper', path: '' }, 'nginx')).toBe(false);
  });

  it('turns hrSWRunPerfCPU centi-seconds into % of a CPU and sums the instances of a watched name', async () => {
    const run = (cpu: number[]): SnmpSession =>
      fakeSession({
        '1.3.6.1.2.1.25.4.2.1': new Map([
          ['10', new Map([[2, str('httpd')], [4, str('/usr/sbin/httpd')], [7, int(2)]])],
          ['11', new Map([[2, str('httpd')], [4, str('/usr/sbin/httpd')], [7, int(1)]])],
          ['12', new Map([[2, str('zombie')], [4, str('')], [7, int(4)]])],
        ]),
        '1.3.6.1.2.1.25.5.1.1': new Map([
          ['10', new Map([[1, int(cpu[0] ?? 0)], [2, int(2048)]])],
          ['11', new Map([[1, int(cpu[1] ?? 0)], [2, int(1024)]])],
        ]),
      });
    const rates = new CounterRates();
    let at = 0;
    const ctx = { rate: (key: string, s: { value: number | bigint; bits: 32 | 64; maxRate?: number }) => rates.rate(key, { ...s, at }) };
    processTable(ctx, await readProcesses(run([1000, 500])), ['httpd', 'zombie', 'absent']);
    at = 10_000;
    const { rows, metrics } = processTable(ctx, await readProcesses(run([1500, 600])), ['httpd', 'zombie', 'absent']);
    const get = (name: string, instance: string): number | undefined => metrics.find((m) => m.name === name && m.instance === instance)?.value;
    // (500 + 100) cs in 10 s = 60 cs/s = 60 % of one CPU.
    expect(get('process.cpu', 'httpd')).toBe(60);
    expect(get('process.count', 'httpd')).toBe(2);
    expect(get('process.memory', 'httpd')).toBe(3072 * 1024);
    expect(get('process.count', 'zombie')).toBe(0);
    expect(get('process.count', 'absent')).toBe(0);
    expect(rows.find((r) => r.pid === 10)?.cpu).toBe(50);
  });
});
