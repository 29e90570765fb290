import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText, type Snmprec } from '../../helpers/snmprec';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, metricsNamed, signal, snmpTarget, testDeps } from './engine-target';

const FILE = `${SHARED_SNMPREC}linux-netsnmp.snmprec`;
const STORAGE = '1.3.6.1.2.1.25.2.3.1';
const FIXED_DISK = '1.3.6.1.2.1.25.2.1.4';
const NETWORK_DISK = '1.3.6.1.2.1.25.2.1.10';

/** hrStorage rows from the recording, in bytes. */
function storageRows(rec: Snmprec): { descr: string; type: string; size: number; used: number }[] {
  const types = snmprecColumn(rec, STORAGE, 2);
  return [...types].map(([index, type]) => {
    const units = snmprecNumber(rec.get(`${STORAGE}.4.${index}`)) ?? 0;
    return {
      descr: snmprecText(rec.get(`${STORAGE}.3.${index}`)) ?? '',
      type: type.value,
      size: units * (snmprecNumber(rec.get(`${STORAGE}.5.${index}`)) ?? 0),
      used: units * (snmprecNumber(rec.get(`${STORAGE}.6.${index}`)) ?? 0),
    };
  });
}

describe('linux family against a real net-snmp recording (snmpsim)', () => {
  let sim: SnmpsimPeer;
  let poll: PollResult;
  const rec = readSnmprec(FILE);

  beforeAll(async () => {
    sim = await startSnmpsim([FILE]);
    const poller = snmpSource.open(snmpTarget({ port: sim.port, community: sim.community(FILE), timeoutMs: 3000 }), testDeps());
    poll = await poller.poll(signal());
    await poller.close();
  });
  afterAll(async () => sim?.stop());

  it('is detected as linux from its net-snmp sysObjectID', () => {
    expect(rec.get('1.3.6.1.2.1.1.2.0')?.value).toBe('1.3.6.1.4.1.8072.3.2.10');
    expect(poll.family).toBe('linux');
    expect(poll.identity.sysObjectID).toBe('1.3.6.1.4.1.8072.3.2.10');
  });

  it('reports each fixed/network disk with size and used = allocation units × value', () => {
    const expected = storageRows(rec).filter((s) => s.type === FIXED_DISK || s.type === NETWORK_DISK);
    expect(expected.length).toBeGreaterThan(3);
    const rows = poll.tables.filesystems ?? [];
    expect(rows.map((r) => r.mount).sort()).toEqual(expected.map((e) => e.descr).sort());
    for (const e of expected) {
      expect(metric(poll, 'fs.size', e.descr)).toBe(e.size);
      expect(metric(poll, 'fs.used', e.descr)).toBe(e.used);
      if (e.size > 0) expect(metric(poll, 'fs.used.percent', e.descr)).toBeCloseTo((e.used / e.size) * 100, 9);
    }
  });

  it('reads memory from hrStorage when UCD-SNMP-MIB is absent', () => {
    expect([...rec.keys()].some((o) => o.startsWith('1.3.6.1.4.1.2021.'))).toBe(false);
    const rows = storageRows(rec);
    const ram = rows.find((r) => r.type === '1.3.6.1.2.1.25.2.1.2');
    const buffers = rows.find((r) => r.descr === 'Memory buffers')?.used ?? 0;
    const cached = rows.find((r) => r.descr === 'Cached memory')?.used ?? 0;
    expect(ram).toBeDefined();
    if (!ram) return;
    expect(metric(poll, 'memory.total')).toBe(ram.size);
    const available = Math.min(ram.size, ram.size - ram.used + buffers + cached);
    expect(metric(poll, 'memory.available')).toBe(available);
    expect(metric(poll, 'memory.available.percent')).toBeCloseTo((available / ram.size) * 100, 9);
    const swap = rows.find((r) => r.descr === 'Swap space');
    expect(metric(poll, 'swap.total')).toBe(swap?.size);
  });

  it('reports one load per CPU and their mean as the total', () => {
    const loads = [...snmprecColumn(rec, '1.3.6.1.2.1.25.3.3.1', 2).values()].map((e) => snmprecNumber(e) ?? NaN);
    expect(loads.length).toBe(12);
    expect(metricsNamed(poll, 'cpu.core').map((m) => m.value)).toEqual(loads);
    expect(metric(poll, 'cpu.total')).toBeCloseTo(loads.reduce((a, b) => a + b, 0) / loads.length, 9);
    expect(poll.identity.cores).toBe(12);
    expect(poll.tables.cores?.length).toBe(12);
  });

  it('lists the interfaces by ifDescr (no ifXTable) with their status', () => {
    const descr = snmprecColumn(rec, '1.3.6.1.2.1.2.2.1', 2);
    const oper = snmprecColumn(rec, '1.3.6.1.2.1.2.2.1', 8);
    const rows = poll.tables.interfaces ?? [];
    expect(rows.map((r) => r.name)).toEqual([...descr.values()].map((e) => snmprecText(e)));
    for (const r of rows) {
      const status = snmprecNumber(oper.get(String(r.index)));
      expect(r.status).toBe(status === 1 ? 'up' : status === 2 ? 'down' : r.status);
      expect(r.counters).toBe(32);
    }
  });

  it('takes the uptime from hrSystemUptime and the process count from hrSystemProcesses', () => {
    expect(poll.uptimeSeconds).toBe((snmprecNumber(rec.get('1.3.6.1.2.1.25.1.1.0')) ?? 0) / 100);
    expect(metric(poll, 'processes')).toBe(snmprecNumber(rec.get('1.3.6.1.2.1.25.1.6.0')));
  });
});
