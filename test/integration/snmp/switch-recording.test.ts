import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText } from '../../helpers/snmprec';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, signal, snmpTarget, testDeps } from './engine-target';

const FILE = `${SHARED_SNMPREC}cisco-ios-catalyst3550.snmprec`;
const CPU = '1.3.6.1.4.1.9.9.109.1.1.1.1';
const POOL = '1.3.6.1.4.1.9.9.48.1.1.1';

describe('switch family against a Cisco Catalyst 3550 recording (snmpsim)', () => {
  let sim: SnmpsimPeer;
  let polls: PollResult[] = [];
  const rec = readSnmprec(FILE);
  let now = 1_000_000;

  beforeAll(async () => {
    sim = await startSnmpsim([FILE]);
    const poller = snmpSource.open(snmpTarget({ port: sim.port, community: sim.community(FILE), timeoutMs: 3000 }), testDeps(() => now));
    polls = [await poller.poll(signal())];
    now += 60_000;
    polls.push(await poller.poll(signal()));
    await poller.close();
  });
  afterAll(async () => sim?.stop());

  it('is detected as a switch from the Cisco products sysObjectID', () => {
    expect(polls[0]?.family).toBe('switch');
  });

  it('lists every port by ifName with alias, status and speed from ifHighSpeed', () => {
    const names = snmprecColumn(rec, '1.3.6.1.2.1.31.1.1.1', 1);
    const rows = polls[0]?.tables.ports ?? [];
    expect(rows.length).toBe(snmprecColumn(rec, '1.3.6.1.2.1.2.2.1', 1).size);
    for (const r of rows) {
      const i = String(r.index);
      expect(r.name).toBe(snmprecText(names.get(i)));
      expect(r.alias).toBe(snmprecText(rec.get(`1.3.6.1.2.1.31.1.1.1.18.${i}`)) ?? '');
      const oper = snmprecNumber(rec.get(`1.3.6.1.2.1.2.2.1.8.${i}`));
      expect(r.status).toBe(oper === 1 ? 'up' : 'down');
      const high = snmprecNumber(rec.get(`1.3.6.1.2.1.31.1.1.1.15.${i}`)) ?? 0;
      if (high > 0) expect(r.speed).toBe(high * 1_000_000);
      // 64-bit counters only where the recording has them (Vlan1), the 32-bit ones elsewhere.
      expect(r.counters).toBe(rec.has(`1.3.6.1.2.1.31.1.1.1.6.${i}`) ? 64 : 32);
    }
    const up = rows.filter((r) => r.status === 'up').length;
    expect(metric(polls[0] as PollResult, 'ports.up')).toBe(up);
    expect(polls[0]?.identity.portsUp).toBe(`${up} / ${rows.length}`);
  });

  it('gives rates on the second poll (static recording: zero traffic, never negative)', () => {
    const second = polls[1] as PollResult;
    const rates = second.metrics.filter((m) => m.name === 'if.in.bps');
    expect(rates.length).toBe((second.tables.ports ?? []).length);
    expect(rates.every((m) => m.value === 0)).toBe(true);
  });

  it('reads the CPU from the old cpmCPUTotal columns when the *Rev ones are absent', () => {
    expect(rec.has(`${CPU}.6.1`)).toBe(false);
    const p = polls[0] as PollResult;
    expect(metric(p, 'cpu.5sec', '1')).toBe(snmprecNumber(rec.get(`${CPU}.3.1`)));
    expect(metric(p, 'cpu.1min', '1')).toBe(snmprecNumber(rec.get(`${CPU}.4.1`)));
    expect(metric(p, 'cpu.5min', '1')).toBe(snmprecNumber(rec.get(`${CPU}.5.1`)));
    expect(metric(p, 'cpu.total')).toBe(snmprecNumber(rec.get(`${CPU}.4.1`)));
  });

  it('reads the memory pools (used + free) and the software version from CISCO-IMAGE-MIB', () => {
    const p = polls[0] as PollResult;
    let used = 0;
    let total = 0;
    for (const [index, nameEntry] of snmprecColumn(rec, POOL, 2)) {
      const name = snmprecText(nameEntry) ?? '';
      const u = snmprecNumber(rec.get(`${POOL}.5.${index}`)) ?? 0;
      const f = snmprecNumber(rec.get(`${POOL}.6.${index}`)) ?? 0;
      expect(metric(p, 'memory.pool.used', name)).toBe(u);
      expect(metric(p, 'memory.pool.free', name)).toBe(f);
      used += u;
      total += u + f;
    }
    expect(p.tables.memoryPools?.map((r) => r.pool)).toEqual(['Processor', 'I/O']);
    expect(metric(p, 'memory.used')).toBe(used);
    expect(metric(p, 'memory.total')).toBe(total);
    const version = [...snmprecColumn(rec, '1.3.6.1.4.1.9.9.25.1.1.1', 2).values()]
      .map((e) => snmprecText(e) ?? '')
      .find((t) => t.startsWith('CW_VERSION$'))
      ?.split('$')[1];
    expect(p.identity.osVersion).toBe(version);
    expect(p.identity.hostname).toBe(snmprecText(rec.get('1.3.6.1.4.1.9.2.1.3.0')));
  });
});
