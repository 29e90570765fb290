import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { evaluateRules, metric, pollOnce, raised, rulesOf } from './families-harness';

const EMU2 = `${SHARED_SNMPREC}apc-env-emu2.snmprec`;
const HOT_ROOM = `${LAB_SNMPREC}apc-emu-hot-room.snmprec`;
const AKCP = `${SHARED_SNMPREC}akcp-sensorprobe8.snmprec`;

const EMS = '1.3.6.1.4.1.318.1.1.10.3';
const PROBES = `${EMS}.13.1.1`;
const SP = '1.3.6.1.4.1.3854.1.2.2.1';

const toC = (f: number): number => ((f - 32) * 5) / 9;

/** Connected EMS probes (comm status 2) with their temperature in °C, computed here from the recording. */
function emsProbes(rec: Snmprec): { name: string; celsius: number; humidity: number | null }[] {
  const fahrenheit = snmprecNumber(rec.get(`${EMS}.12.11.0`)) === 2;
  return [...snmprecColumn(rec, PROBES, 2)]
    .filter(([index]) => snmprecNumber(snmprecColumn(rec, PROBES, 10).get(index)) === 2)
    .map(([index, e]) => {
      const t = snmprecNumber(snmprecColumn(rec, PROBES, 3).get(index)) ?? NaN;
      const h = snmprecNumber(snmprecColumn(rec, PROBES, 6).get(index)) ?? -1;
      return { name: snmprecText(e) ?? '', celsius: fahrenheit ? toC(t) : t, humidity: h > 0 ? h : null };
    });
}

describe('Environment sensor families against recordings', () => {
  let peer: SnmpsimPeer;

  beforeAll(async () => {
    peer = await startSnmpsim([EMU2, HOT_ROOM, AKCP]);
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('APC EMU2 in °F: probes converted to °C, -1 humidity is no sensor, unplugged probes absent', async () => {
    const rec = readSnmprec(EMU2);
    const r = await pollOnce(peer, 'apc-env-emu2');
    expect(r.family).toBe('sensor-apc');
    const expected = emsProbes(rec);
    expect(expected).toHaveLength(2);
    expect((r.tables.probes ?? []).map((p) => p.name)).toEqual(expected.map((p) => p.name));
    for (const p of expected) {
      expect(metric(r, 'sensor.temperature', p.name)).toBeCloseTo(p.celsius, 2);
      expect(metric(r, 'sensor.humidity', p.name)).toBe(p.humidity ?? undefined);
    }
    expect(metric(r, 'sensor.temperature.max')).toBeCloseTo(Math.max(...expected.map((p) => p.celsius)), 2);
    expect(r.identity).toMatchObject({ model: snmprecText(rec.get(`${EMS}.1.2.0`)), deviceUnit: 'fahrenheit' });
    expect(raised(evaluateRules(rulesOf('sensor-apc'), r.metrics))).toEqual([]);
  });

  it('APC EMU in °C, hot rack: temperature critical, dry air warning, open door critical, lost probe unknown', async () => {
    const rec = readSnmprec(HOT_ROOM);
    const r = await pollOnce(peer, 'apc-emu-hot-room');
    expect(r.family).toBe('sensor-apc');
    for (const p of emsProbes(rec)) expect(metric(r, 'sensor.temperature', p.name)).toBe(p.celsius);
    expect(raised(evaluateRules(rulesOf('sensor-apc'), r.metrics))).toEqual([
      ['sensor-contact|Door rack 4', 'critical'],
      ['sensor-humidity-low|Rack 4 top', 'warning'],
      ['sensor-temperature|Rack 4 top', 'critical'],
    ]);
    expect(r.problems.map((p) => p.severity).sort()).toEqual(['critical', 'critical', 'unknown']);
    expect(r.tables.contacts?.map((c) => [c.name, c.state])).toEqual([
      ['Door rack 4', 'critical'],
      ['Water leak floor', 'ok'],
      ['Smoke detector', 'ok'],
    ]);
  });

  it('AKCP sensorProbe8: only online sensors give values (offline rows hold stale raw humidity)', async () => {
    const rec = readSnmprec(AKCP);
    const r = await pollOnce(peer, 'akcp-sensorprobe8');
    expect(r.family).toBe('sensor-akcp');
    const online = (table: number, onlineColumn: number): [string, string][] =>
      [...snmprecColumn(rec, `${SP}.${table}.1`, 1)]
        .filter(([index]) => snmprecNumber(snmprecColumn(rec, `${SP}.${table}.1`, onlineColumn).get(index)) === 1)
        .map(([index, e]) => [index, snmprecText(e) ?? '']);
    const temps = online(16, 5);
    const hums = online(17, 5);
    const contacts = online(18, 4);
    expect(temps).toHaveLength(3);
    for (const [index, name] of temps) {
      const raw = snmprecNumber(snmprecColumn(rec, `${SP}.16.1`, 14).get(index));
      const celsius = snmprecNumber(snmprecColumn(rec, `${SP}.16.1`, 12).get(index)) === 1;
      const value = (raw ?? NaN) / 10;
      expect(metric(r, 'sensor.temperature', name)).toBeCloseTo(celsius ? value : toC(value), 2);
    }
    for (const [index, name] of hums) expect(metric(r, 'sensor.humidity', name)).toBe(snmprecNumber(snmprecColumn(rec, `${SP}.17.1`, 3).get(index)));
    // Exactly the online sensors: no 83-87 % humidity from the offline rows' raw column.
    expect(r.metrics.filter((m) => m.name === 'sensor.humidity')).toHaveLength(hums.length);
    expect(r.metrics.filter((m) => m.name === 'sensor.temperature')).toHaveLength(temps.length);
    expect(Math.max(...r.metrics.filter((m) => m.name === 'sensor.humidity').map((m) => m.value))).toBeLessThan(50);
    expect((r.tables.contacts ?? []).map((c) => c.name)).toEqual(contacts.map(([, n]) => n));
    expect(r.metrics.filter((m) => m.name === 'sensor.contact.alarm').every((m) => m.value === 0)).toBe(true);
    expect(raised(evaluateRules(rulesOf('sensor-akcp'), r.metrics))).toEqual([]);
  });
});
