import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText } from '../../helpers/snmprec';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, metricsNamed, signal, snmpTarget, testDeps } from './engine-target';

const SERVER = `${SHARED_SNMPREC}windows-server-2003.snmprec`;
const STUB = `${SHARED_SNMPREC}windows.snmprec`;
const STORAGE = '1.3.6.1.2.1.25.2.3.1';

describe('windows family against real Windows recordings (snmpsim)', () => {
  let sim: SnmpsimPeer;
  let poll: PollResult;
  const rec = readSnmprec(SERVER);

  beforeAll(async () => {
    sim = await startSnmpsim([SERVER, STUB]);
    const poller = snmpSource.open(snmpTarget({ port: sim.port, community: sim.community(SERVER), timeoutMs: 3000, watched: ['svchost.exe', 'no-such.exe'] }), testDeps());
    poll = await poller.poll(signal());
    await poller.close();
  });
  afterAll(async () => sim?.stop());

  it('detects Windows from the Microsoft sysObjectID, also on the detection stub', async () => {
    expect(poll.family).toBe('windows');
    const stub = await snmpSource.test(snmpTarget({ port: sim.port, community: sim.community(STUB), timeoutMs: 3000 }), testDeps(), signal());
    expect(stub.ok).toBe(true);
    expect(stub.detected?.family).toBe('windows');
    expect(stub.detected?.identity.sysDescr).toBe(snmprecText(readSnmprec(STUB).get('1.3.6.1.2.1.1.1.0')));
    // The stub has nothing else: the poll still works and simply has no filesystems.
    const poller = snmpSource.open(snmpTarget({ port: sim.port, community: sim.community(STUB), timeoutMs: 3000 }), testDeps());
    const stubPoll = await poller.poll(signal());
    await poller.close();
    expect(stubPoll.family).toBe('windows');
    expect(stubPoll.tables.filesystems).toEqual([]);
  });

  it('reports fixed disks by drive letter, sized in allocation units', () => {
    const types = snmprecColumn(rec, STORAGE, 2);
    const fixed = [...types].filter(([, t]) => t.value === '1.3.6.1.2.1.25.2.1.4').map(([i]) => i);
    expect(fixed.length).toBeGreaterThan(0);
    const rows = poll.tables.filesystems ?? [];
    expect(rows.length).toBe(fixed.length);
    for (const index of fixed) {
      const descr = snmprecText(rec.get(`${STORAGE}.3.${index}`)) ?? '';
      const mount = /^([A-Z]:\\)/.exec(descr)?.[1] ?? descr;
      const units = snmprecNumber(rec.get(`${STORAGE}.4.${index}`)) ?? 0;
      expect(metric(poll, 'fs.size', mount)).toBe(units * (snmprecNumber(rec.get(`${STORAGE}.5.${index}`)) ?? 0));
      expect(metric(poll, 'fs.used', mount)).toBe(units * (snmprecNumber(rec.get(`${STORAGE}.6.${index}`)) ?? 0));
    }
  });

  it('reads physical and virtual memory from the Ram and VirtualMemory rows', () => {
    const types = snmprecColumn(rec, STORAGE, 2);
    const row = (type: string): { size: number; used: number } => {
      const index = [...types].find(([, t]) => t.value === type)?.[0] ?? '';
      const units = snmprecNumber(rec.get(`${STORAGE}.4.${index}`)) ?? 0;
      return { size: units * (snmprecNumber(rec.get(`${STORAGE}.5.${index}`)) ?? 0), used: units * (snmprecNumber(rec.get(`${STORAGE}.6.${index}`)) ?? 0) };
    };
    const ram = row('1.3.6.1.2.1.25.2.1.2');
    const virtual = row('1.3.6.1.2.1.25.2.1.3');
    expect(metric(poll, 'memory.total')).toBe(ram.size);
    expect(metric(poll, 'memory.used')).toBe(ram.used);
    expect(metric(poll, 'memory.used.percent')).toBeCloseTo((ram.used / ram.size) * 100, 9);
    expect(metric(poll, 'virtual.total')).toBe(virtual.size);
    expect(metric(poll, 'virtual.used')).toBe(virtual.used);
  });

  it('averages hrProcessorLoad over the CPUs', () => {
    const loads = [...snmprecColumn(rec, '1.3.6.1.2.1.25.3.3.1', 2).values()].map((e) => snmprecNumber(e) ?? NaN);
    expect(metricsNamed(poll, 'cpu.core').length).toBe(loads.length);
    expect(metric(poll, 'cpu.total')).toBeCloseTo(loads.reduce((a, b) => a + b, 0) / loads.length, 9);
  });

  it('lists every process of hrSWRun and counts the watched ones', () => {
    const names = [...snmprecColumn(rec, '1.3.6.1.2.1.25.4.2.1', 2).values()].map((e) => snmprecText(e) ?? '');
    const rows = poll.tables.processes ?? [];
    expect(rows.length).toBe(names.length);
    expect(rows.map((r) => r.name).sort()).toEqual([...names].sort());
    const svchost = names.filter((n) => n.toLowerCase() === 'svchost.exe').length;
    expect(svchost).toBeGreaterThan(0);
    expect(metric(poll, 'process.count', 'svchost.exe')).toBe(svchost);
    expect(metric(poll, 'process.count', 'no-such.exe')).toBe(0);
    expect(poll.tables.watched?.find((r) => r.name === 'no-such.exe')?.state).toBe('critical');
  });

  it('decodes hex interface names and uses the 32-bit counters', () => {
    const descr = [...snmprecColumn(rec, '1.3.6.1.2.1.2.2.1', 2).values()].map((e) => snmprecText(e));
    expect((poll.tables.interfaces ?? []).map((r) => r.name)).toEqual(descr);
    expect((poll.tables.interfaces ?? []).every((r) => r.counters === 32)).toBe(true);
    expect(poll.uptimeSeconds).toBe((snmprecNumber(rec.get('1.3.6.1.2.1.25.1.1.0')) ?? 0) / 100);
  });
});
