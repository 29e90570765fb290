import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText } from '../../helpers/snmprec';
import { LAB_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { metric, openPoller, pollOnce, sleep, variation } from './families-harness';

const AIRONET = `${LAB_SNMPREC}cisco-aironet-1240.snmprec`;
const AIRPORT = `${LAB_SNMPREC}apple-airport-extreme.snmprec`;

const IFX = '1.3.6.1.2.1.31.1.1.1';
const CLIENTS = '1.3.6.1.4.1.9.9.273.1.1.2.1';
const AP = '1.3.6.1.4.1.63.501.3';

describe('Wireless families against recordings', () => {
  let peer: SnmpsimPeer;

  beforeAll(async () => {
    peer = await startSnmpsim([AIRONET, AIRPORT]);
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('Cisco Aironet 1240: clients per radio, radio traffic as rates, CPU and memory', async () => {
    const rec = readSnmprec(AIRONET);
    const radios = [...snmprecColumn(rec, CLIENTS, 1)].map(([ifIndex, e]) => ({
      name: snmprecText(snmprecColumn(rec, IFX, 1).get(ifIndex)) ?? '',
      clients: snmprecNumber(e) ?? NaN,
      inRate: variation(snmprecColumn(rec, IFX, 6).get(ifIndex)?.value).rate,
      outRate: variation(snmprecColumn(rec, IFX, 10).get(ifIndex)?.value).rate,
    }));
    expect(radios).toHaveLength(2);
    const poller = openPoller(peer, 'cisco-aironet-1240');
    try {
      const first = await poller.poll(AbortSignal.timeout(30_000));
      expect(first.family).toBe('aironet');
      for (const radio of radios) expect(metric(first, 'ap.radio.clients', radio.name)).toBe(radio.clients);
      expect(metric(first, 'ap.clients')).toBe(radios.reduce((sum, r) => sum + r.clients, 0));
      expect(first.tables.radios?.map((r) => [r.name, r.clients, r.status])).toEqual(radios.map((r) => [r.name, r.clients, 'up']));
      expect(first.identity.osVersion).toBe('12.4(25d)JA2');

      const cpu5min = snmprecNumber(rec.get('1.3.6.1.4.1.9.9.109.1.1.1.1.8.1'));
      expect(metric(first, 'cpu.5min', '1')).toBe(cpu5min);
      const pool = (c: number): number => [...snmprecColumn(rec, '1.3.6.1.4.1.9.9.48.1.1.1', c).values()].reduce((s, e) => s + (snmprecNumber(e) ?? 0), 0);
      expect(metric(first, 'memory.used.percent')).toBeCloseTo((pool(5) / (pool(5) + pool(6))) * 100, 9);

      await sleep(2000);
      const second = await poller.poll(AbortSignal.timeout(30_000));
      const radio0 = radios.find((r) => r.inRate !== undefined);
      expect(radio0).toBeDefined();
      const row = second.tables.radios?.find((r) => r.name === radio0?.name);
      expect(Math.abs(Number(row?.inBps) / ((radio0?.inRate ?? NaN) * 8) - 1)).toBeLessThan(0.1);
      expect(Math.abs(Number(row?.outBps) / ((radio0?.outRate ?? NaN) * 8) - 1)).toBeLessThan(0.1);
      expect(metric(second, 'if.in.bps', radio0?.name)).toBe(row?.inBps);
    } finally {
      await poller.close();
    }
  });

  it('Apple AirPort: found through sysConfName despite a generic sysObjectID, clients with signal and noise', async () => {
    const rec = readSnmprec(AIRPORT);
    const r = await pollOnce(peer, 'apple-airport-extreme');
    expect(r.family).toBe('airport');
    expect(r.identity).toMatchObject({
      baseStationName: snmprecText(rec.get(`${AP}.1.1.0`)),
      firmware: snmprecText(rec.get(`${AP}.1.5.0`)),
      baseStationLocation: snmprecText(rec.get(`${AP}.1.3.0`)),
      // Hostile text stays text: the page must render it, never interpret it.
      baseStationContact: '<img src=x onerror=alert(1)>',
    });
    expect(metric(r, 'ap.clients')).toBe(snmprecNumber(rec.get(`${AP}.2.1.0`)));
    const entry = `${AP}.2.2.1`;
    const expected = [...snmprecColumn(rec, entry, 1)].map(([index, e]) => ({
      mac: (snmprecText(e) ?? '').toLowerCase(),
      rate: snmprecNumber(snmprecColumn(rec, entry, 8).get(index)),
      timeAssociated: snmprecNumber(snmprecColumn(rec, entry, 4).get(index)),
      strength: snmprecNumber(snmprecColumn(rec, entry, 6).get(index)),
      noise: snmprecNumber(snmprecColumn(rec, entry, 7).get(index)),
    }));
    expect(expected).toHaveLength(3);
    expect(r.tables.clients?.map((c) => ({ mac: c.mac, rate: c.rate, timeAssociated: c.timeAssociated, strength: c.strength, noise: c.noise }))).toEqual(expected);
    expect(r.tables.clients?.map((c) => c.snr)).toEqual(expected.map((c) => (c.strength ?? 0) - (c.noise ?? 0)));
    expect(r.tables.interfaces).toHaveLength(snmprecNumber(rec.get('1.3.6.1.2.1.2.1.0')) ?? -1);
  });
});
