import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snmpSource } from '../../../src/main/core/pollers/snmp/snmp-source';
import { readSnmprec, snmprecNumber, snmprecText, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { snmpTarget, testDeps } from './engine-target';
import { evaluateRules, metric, pollOnce, raised, rulesOf } from './families-harness';

const EATON = `${LAB_SNMPREC}eaton-9px-xups-on-bypass.snmprec`;
const MGE = `${LAB_SNMPREC}mge-pulsar-m-on-battery.snmprec`;
const X = '1.3.6.1.4.1.534.1';
const M = '1.3.6.1.4.1.705.1';

const num = (rec: Snmprec, oid: string): number => {
  const n = snmprecNumber(rec.get(oid));
  if (n === null) throw new Error(`${oid} is not in the recording`);
  return n;
};

describe('Eaton (XUPS-MIB) and MGE (MG-SNMP-UPS-MIB) UPSs against recordings written from their MIBs', () => {
  let peer: SnmpsimPeer;

  beforeAll(async () => {
    peer = await startSnmpsim([EATON, MGE]);
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('Eaton 9PX without sysDescr or sysName: found by sysObjectID, every figure as the MIB scales it, on bypass', async () => {
    const rec = readSnmprec(EATON);
    expect(rec.has('1.3.6.1.2.1.1.1.0')).toBe(false);
    expect(rec.has('1.3.6.1.2.1.1.5.0')).toBe(false);
    const r = await pollOnce(peer, 'eaton-9px-xups-on-bypass');
    // The card also answers UPS-MIB identity objects: the vendor MIB, richer, wins.
    expect(r.family).toBe('ups-eaton');
    expect(r.identity).toMatchObject({
      manufacturer: snmprecText(rec.get(`${X}.1.1.0`)),
      model: snmprecText(rec.get(`${X}.1.2.0`)),
      serial: snmprecText(rec.get(`${X}.1.6.0`)),
      firmware: snmprecText(rec.get(`${X}.1.3.0`)),
      ratedWatts: num(rec, `${X}.10.3.0`),
      status: 'bypass',
      batteryStatus: 'normal',
      replaceBattery: true,
    });
    expect(r.identity.model).toBe('Eaton 9PX 3000i RT2U'); // hex-encoded in the recording
    expect(metric(r, 'ups.battery.percent')).toBe(num(rec, `${X}.2.4.0`));
    expect(metric(r, 'ups.runtime')).toBe(num(rec, `${X}.2.1.0`));
    expect(metric(r, 'ups.battery.voltage')).toBe(num(rec, `${X}.2.2.0`));
    expect(metric(r, 'ups.input.voltage')).toBe(num(rec, `${X}.3.4.1.2.1`));
    expect(metric(r, 'ups.input.frequency')).toBe(num(rec, `${X}.3.1.0`) / 10);
    expect(metric(r, 'ups.output.voltage')).toBe(num(rec, `${X}.4.4.1.2.1`));
    expect(metric(r, 'ups.output.frequency')).toBe(num(rec, `${X}.4.2.0`) / 10);
    expect(metric(r, 'ups.output.current')).toBe(num(rec, `${X}.4.4.1.3.1`));
    expect(metric(r, 'ups.load.percent')).toBe(num(rec, `${X}.4.1.0`));
    expect(metric(r, 'ups.ambient.temperature')).toBe(num(rec, `${X}.6.1.0`));
    expect(metric(r, 'ups.on.battery')).toBe(0);
    expect(r.problems).toEqual([
      { id: 'ups-replace-battery', severity: 'warning', message: 'Battery needs replacing' },
      { severity: 'warning', message: 'On bypass (bypass): the load is not protected' },
    ]);
    expect(raised(evaluateRules(rulesOf('ups-eaton'), r.metrics))).toEqual([['ups-replace-battery|', 'warning']]);
  });

  it('MGE Pulsar without sysDescr or sysName: found by sysObjectID, tenths scaled, UTF-8 name decoded, on battery', async () => {
    const rec = readSnmprec(MGE);
    expect(rec.has('1.3.6.1.2.1.1.1.0')).toBe(false);
    const r = await pollOnce(peer, 'mge-pulsar-m-on-battery');
    expect(r.family).toBe('ups-mge');
    expect(r.identity).toMatchObject({
      manufacturer: 'MGE',
      model: `${snmprecText(rec.get(`${M}.1.1.0`))} ${snmprecText(rec.get(`${M}.1.2.0`))}`,
      name: snmprecText(rec.get(`${M}.1.5.0`)),
      serial: snmprecText(rec.get(`${M}.1.7.0`)),
      firmware: snmprecText(rec.get(`${M}.1.4.0`)),
      ratedVA: num(rec, `${M}.4.12.0`),
      status: 'onBattery',
      powerState: 'warning',
      batteryStatus: 'normal',
      replaceBattery: false,
    });
    expect(r.identity.name).toBe('Onduleur baie n°3 – étage 1');
    expect(metric(r, 'ups.battery.percent')).toBe(num(rec, `${M}.5.2.0`));
    expect(metric(r, 'ups.runtime')).toBe(num(rec, `${M}.5.1.0`));
    expect(metric(r, 'ups.battery.voltage')).toBeCloseTo(num(rec, `${M}.5.5.0`) / 10, 9);
    expect(metric(r, 'ups.battery.temperature')).toBe(num(rec, `${M}.5.7.0`));
    expect(metric(r, 'ups.ambient.temperature')).toBeCloseTo(num(rec, `${M}.8.1.0`) / 10, 9);
    expect(metric(r, 'ups.input.voltage')).toBe(num(rec, `${M}.6.2.1.2.1`) / 10);
    expect(metric(r, 'ups.input.frequency')).toBe(num(rec, `${M}.6.2.1.3.1`) / 10);
    expect(metric(r, 'ups.output.voltage')).toBeCloseTo(num(rec, `${M}.7.2.1.2.1`) / 10, 9);
    expect(metric(r, 'ups.output.frequency')).toBeCloseTo(num(rec, `${M}.7.2.1.3.1`) / 10, 9);
    expect(metric(r, 'ups.output.current')).toBeCloseTo(num(rec, `${M}.7.2.1.5.1`) / 10, 9);
    expect(metric(r, 'ups.load.percent')).toBe(num(rec, `${M}.7.2.1.4.1`));
    expect(metric(r, 'ups.on.battery')).toBe(1);
    // 21 min and 64 %: on battery but above the 10 min / 30 % limits, so a warning, not critical.
    expect(r.problems).toEqual([{ id: 'ups-on-battery', severity: 'warning', message: 'On battery (21 min left, 64 % charge)' }]);
    expect(raised(evaluateRules(rulesOf('ups-mge'), r.metrics))).toEqual([['ups-on-battery|', 'warning']]);
  });

  it('over SNMPv1 (older cards speak nothing else), where one missing object fails a whole request: same figures', async () => {
    for (const community of ['eaton-9px-xups-on-bypass', 'mge-pulsar-m-on-battery']) {
      const v2 = await pollOnce(peer, community);
      const poller = snmpSource.open(snmpTarget({ port: peer.port, community, version: '1', timeoutMs: 5000 }), testDeps());
      try {
        const v1 = await poller.poll(AbortSignal.timeout(60_000));
        expect(v1.family).toBe(v2.family);
        expect(v1.identity).toEqual(v2.identity);
        const values = (r: typeof v1): [string, number][] => r.metrics.map((m): [string, number] => [`${m.name}|${m.instance}`, m.value]).sort(([a], [b]) => a.localeCompare(b));
        expect(values(v1)).toEqual(values(v2));
      } finally {
        await poller.close();
      }
    }
  });
});
