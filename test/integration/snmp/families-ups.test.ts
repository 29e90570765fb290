import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { evaluateRules, metric, pollOnce, raised, rulesOf } from './families-harness';

const RT3000 = `${SHARED_SNMPREC}apc-smart-ups-rt3000.snmprec`;
const APC_ON_BATTERY = `${LAB_SNMPREC}apc-ups-on-battery-low-runtime.snmprec`;
const UPS_MIB_ON_BATTERY = `${LAB_SNMPREC}ups-mib-on-battery.snmprec`;

const U = '1.3.6.1.4.1.318.1.1.1';
const R = '1.3.6.1.2.1.33.1';

/** A PowerNet figure as the recording holds it: high-precision tenths when present, else the adv integer. */
function apc(rec: Snmprec, hp: string | null, adv: string | null): number | undefined {
  const tenths = hp ? snmprecNumber(rec.get(`${U}.${hp}.0`)) : null;
  if (tenths !== null) return tenths / 10;
  const units = adv ? snmprecNumber(rec.get(`${U}.${adv}.0`)) : null;
  return units ?? undefined;
}

function checkApc(result: Awaited<ReturnType<typeof pollOnce>>, rec: Snmprec): void {
  expect(result.family).toBe('ups-apc');
  expect(result.identity.model).toBe(snmprecText(rec.get(`${U}.1.1.1.0`)));
  expect(result.identity.serial).toBe(snmprecText(rec.get(`${U}.1.2.3.0`)));
  expect(metric(result, 'ups.battery.percent')).toBe(apc(rec, '2.3.1', '2.2.1'));
  expect(metric(result, 'ups.runtime')).toBe((snmprecNumber(rec.get(`${U}.2.2.3.0`)) ?? NaN) / 100);
  expect(metric(result, 'ups.battery.temperature')).toBe(apc(rec, '2.3.2', '2.2.2'));
  expect(metric(result, 'ups.input.voltage')).toBe(apc(rec, '3.3.1', '3.2.1'));
  expect(metric(result, 'ups.input.frequency')).toBe(apc(rec, '3.3.4', '3.2.4'));
  expect(metric(result, 'ups.output.voltage')).toBe(apc(rec, '4.3.1', '4.2.1'));
  expect(metric(result, 'ups.load.percent')).toBe(apc(rec, '4.3.3', '4.2.3'));
  expect(metric(result, 'ups.battery.replace')).toBe(snmprecNumber(rec.get(`${U}.2.2.4.0`)) === 2 ? 1 : 0);
  expect(metric(result, 'ups.on.battery')).toBe(snmprecNumber(rec.get(`${U}.4.1.1.0`)) === 3 ? 1 : 0);
}

describe('UPS families against recordings', () => {
  let peer: SnmpsimPeer;

  beforeAll(async () => {
    peer = await startSnmpsim([RT3000, APC_ON_BATTERY, UPS_MIB_ON_BATTERY]);
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('Smart-UPS RT 3000 (high-precision objects only): on line, figures in the recording, no alert', async () => {
    const rec = readSnmprec(RT3000);
    const r = await pollOnce(peer, 'apc-smart-ups-rt3000');
    checkApc(r, rec);
    expect(metric(r, 'ups.battery.percent')).toBe(100);
    expect(r.identity).toMatchObject({ status: 'onLine', powerState: 'ok', lastTransferCause: 'selfTest' });
    expect(metric(r, 'ups.load.percent')).toBeUndefined();
    expect(raised(evaluateRules(rulesOf('ups-apc'), r.metrics))).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  it('APC on battery with 6 min left (adv objects only): critical, replace battery and hot battery warnings', async () => {
    const rec = readSnmprec(APC_ON_BATTERY);
    const r = await pollOnce(peer, 'apc-ups-on-battery-low-runtime');
    checkApc(r, rec);
    expect(r.identity).toMatchObject({ status: 'onBattery', powerState: 'critical', batteryStatus: 'low', replaceBattery: true, lastTransferCause: 'blackout' });
    expect(raised(evaluateRules(rulesOf('ups-apc'), r.metrics))).toEqual([
      ['ups-on-battery|', 'critical'],
      ['ups-replace-battery|', 'warning'],
      ['ups-temperature|', 'warning'],
    ]);
    const minutes = Math.round((snmprecNumber(rec.get(`${U}.2.2.3.0`)) ?? 0) / 6000);
    expect(r.problems).toContainEqual({ id: 'ups-on-battery', severity: 'critical', message: `On battery (${minutes} min left, ${snmprecNumber(rec.get(`${U}.2.2.1.0`))} % charge)` });
  });

  it('UPS-MIB UPS on battery: standard objects, units normalised, warning only', async () => {
    const rec = readSnmprec(UPS_MIB_ON_BATTERY);
    const r = await pollOnce(peer, 'ups-mib-on-battery');
    expect(r.family).toBe('ups-generic');
    expect(r.identity).toMatchObject({ manufacturer: snmprecText(rec.get(`${R}.1.1.0`)), model: snmprecText(rec.get(`${R}.1.2.0`)), status: 'battery' });
    expect(metric(r, 'ups.battery.percent')).toBe(snmprecNumber(rec.get(`${R}.2.4.0`)));
    expect(metric(r, 'ups.runtime')).toBe((snmprecNumber(rec.get(`${R}.2.3.0`)) ?? NaN) * 60);
    expect(metric(r, 'ups.battery.voltage')).toBe((snmprecNumber(rec.get(`${R}.2.5.0`)) ?? NaN) / 10);
    expect(metric(r, 'ups.battery.temperature')).toBe(snmprecNumber(rec.get(`${R}.2.7.0`)));
    expect(metric(r, 'ups.input.voltage')).toBe(snmprecNumber(snmprecColumn(rec, `${R}.3.3.1`, 3).get('1')));
    expect(metric(r, 'ups.output.voltage')).toBe(snmprecNumber(snmprecColumn(rec, `${R}.4.4.1`, 2).get('1')));
    expect(metric(r, 'ups.output.frequency')).toBe((snmprecNumber(rec.get(`${R}.4.2.0`)) ?? NaN) / 10);
    expect(metric(r, 'ups.load.percent')).toBe(snmprecNumber(snmprecColumn(rec, `${R}.4.4.1`, 5).get('1')));
    expect(raised(evaluateRules(rulesOf('ups-generic'), r.metrics))).toEqual([['ups-on-battery|', 'warning']]);
    expect(r.problems.map((p) => p.severity)).toEqual(['warning', 'warning']);
    expect(r.problems[1]?.message).toBe('UPS alarm: input out of tolerance');
  });
});
