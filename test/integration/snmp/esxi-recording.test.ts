import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText } from '../../helpers/snmprec';
import { SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, signal, snmpTarget, testDeps } from './engine-target';

const FILE = `${SHARED_SNMPREC}vmware-esxi.snmprec`;
const VM = '1.3.6.1.4.1.6876.2.1.1';
const STORAGE = '1.3.6.1.2.1.25.2.3.1';

describe('esxi-snmp family against an ESXi 7 recording (snmpsim)', () => {
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

  it('is detected as an ESXi host with its product, version and build', () => {
    expect(poll.family).toBe('esxi-snmp');
    expect(poll.identity.product).toBe(snmprecText(rec.get('1.3.6.1.4.1.6876.1.1.0')));
    expect(poll.identity.version).toBe(snmprecText(rec.get('1.3.6.1.4.1.6876.1.2.0')));
    expect(poll.identity.build).toBe(snmprecText(rec.get('1.3.6.1.4.1.6876.1.4.0')));
  });

  it('counts the VMs, powered on, with tools running, and their configured memory', () => {
    const names = snmprecColumn(rec, VM, 2);
    const power = [...snmprecColumn(rec, VM, 6).values()].map((e) => snmprecText(e));
    const tools = [...snmprecColumn(rec, VM, 8).values()].map((e) => snmprecText(e));
    const memory = [...snmprecColumn(rec, VM, 5).values()].reduce((a, e) => a + (snmprecNumber(e) ?? 0), 0);
    expect(names.size).toBeGreaterThan(10);
    expect(metric(poll, 'vms.total')).toBe(names.size);
    expect(metric(poll, 'vms.on')).toBe(power.filter((p) => p === 'powered on').length);
    expect(metric(poll, 'vms.off')).toBe(power.filter((p) => p !== 'powered on').length);
    expect(metric(poll, 'vms.tools.running')).toBe(tools.filter((t) => t === 'running').length);
    expect(metric(poll, 'vms.memory.configured')).toBe(memory * 1024 * 1024);
    expect(poll.tables.vms?.length).toBe(names.size);
  });

  it('reports the host CPUs and each VMFS/NFS datastore from hrStorage', () => {
    const loads = snmprecColumn(rec, '1.3.6.1.2.1.25.3.3.1', 2);
    expect(poll.identity.cores).toBe(loads.size);
    const expected = [...snmprecColumn(rec, STORAGE, 3)]
      .map(([i, e]) => ({ i, descr: snmprecText(e) ?? '' }))
      .filter((r) => r.descr.startsWith('/vmfs/volumes/'))
      .map((r) => {
        const units = snmprecNumber(rec.get(`${STORAGE}.4.${r.i}`)) ?? 0;
        return { name: r.descr.slice('/vmfs/volumes/'.length), size: units * (snmprecNumber(rec.get(`${STORAGE}.5.${r.i}`)) ?? 0) };
      })
      .filter((r) => r.size > 0);
    expect(expected.length).toBeGreaterThan(3);
    expect((poll.tables.datastores ?? []).map((r) => r.name).sort()).toEqual(expected.map((e) => e.name).sort());
    for (const e of expected) expect(metric(poll, 'datastore.size', e.name)).toBe(e.size);
  });

  it('lists the interfaces from ifXTable names', () => {
    const names = [...snmprecColumn(rec, '1.3.6.1.2.1.31.1.1.1', 1).values()].map((e) => snmprecText(e));
    expect((poll.tables.interfaces ?? []).map((r) => r.name)).toEqual(names);
  });
});
