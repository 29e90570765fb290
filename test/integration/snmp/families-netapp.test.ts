import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult, Row } from '../../../src/main/core/pollers/source';
import { readSnmprec, snmprecBigInt, snmprecColumn, snmprecNumber, snmprecText, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { evaluateRules, metric, openPoller, pollOnce, raised, rawSession, rulesOf, sleep, variation, type RuleState } from './families-harness';

const FAS3270 = `${SHARED_SNMPREC}netapp-7mode-fas3270.snmprec`;
const ONTAP93 = `${SHARED_SNMPREC}netapp-ontap93.snmprec`;
const LAB = `${LAB_SNMPREC}netapp-7mode-volume-full.snmprec`;

const N = '1.3.6.1.4.1.789.1';
const DF = `${N}.5.4.1`;
const LUN = `${N}.17.15.2.1`;
const TWO_32 = 2 ** 32;

/** What the recording says about one dfTable row, sizes in KB computed here from the raw columns. */
interface ExpectedDf {
  name: string;
  kind: 'aggregate' | 'volume';
  snapshot: boolean;
  totalKb: number | null;
  usedKb: number | null;
  agentPercent: number | null;
  inodePercent: number | null;
  /** dfKBytesUsed, the signed 32-bit column the page must not show. */
  raw32Used: number | null;
}

const u32 = (n: number): number => (n + TWO_32) % TWO_32;

function expectedDf(rec: Snmprec): ExpectedDf[] {
  const col = (c: number, index: string) => snmprecColumn(rec, DF, c).get(index);
  const kb = (c64: number, high: number, low: number, raw: number, index: string): number | null => {
    const big = snmprecBigInt(col(c64, index));
    if (big !== null) return Number(big);
    const h = snmprecNumber(col(high, index));
    const l = snmprecNumber(col(low, index));
    if (h !== null && l !== null) return h * TWO_32 + u32(l);
    const r = snmprecNumber(col(raw, index));
    if (r === null) return null;
    return (h ?? 0) * TWO_32 + u32(r);
  };
  return [...snmprecColumn(rec, DF, 2)].map(([index, entry]) => {
    const path = snmprecText(entry) ?? '';
    const type = snmprecNumber(col(23, index));
    return {
      name: path.replace(/\/?\.snapshot\/?$/, '').replace(/\/+$/, '').replace(/^\/vol\//, ''),
      kind: type === 3 || (type === null && !path.startsWith('/vol/')) ? 'aggregate' : 'volume',
      snapshot: path.endsWith('.snapshot') || path.endsWith('.snapshot/'),
      totalKb: kb(29, 14, 15, 3, index),
      usedKb: kb(30, 16, 17, 4, index),
      agentPercent: snmprecNumber(col(6, index)),
      inodePercent: snmprecNumber(col(9, index)),
      raw32Used: snmprecNumber(col(4, index)),
    };
  });
}

function expectedLuns(rec: Snmprec): { name: string; size: number; online: boolean; mapped: boolean }[] {
  return [...snmprecColumn(rec, LUN, 2)].map(([index, entry]) => {
    const big = snmprecBigInt(snmprecColumn(rec, LUN, 28).get(index));
    const high = snmprecNumber(snmprecColumn(rec, LUN, 5).get(index)) ?? 0;
    const low = snmprecNumber(snmprecColumn(rec, LUN, 4).get(index)) ?? 0;
    return {
      name: snmprecText(entry) ?? '',
      size: big !== null ? Number(big) : high * TWO_32 + u32(low),
      online: snmprecNumber(snmprecColumn(rec, LUN, 17).get(index)) === 2,
      mapped: snmprecNumber(snmprecColumn(rec, LUN, 6).get(index)) === 2,
    };
  });
}

function spaceState(percent: number): RuleState {
  return percent >= 98 ? 'critical' : percent >= 90 ? 'warning' : 'ok';
}

/** The rule results the recording's own figures call for (space ≥ 90 / 98 %, global status). */
function expectedRaised(rec: Snmprec): [string, RuleState][] {
  const out: [string, RuleState][] = [];
  for (const r of expectedDf(rec)) {
    if (r.snapshot) continue;
    if (r.totalKb && r.usedKb !== null) {
      const s = spaceState((r.usedKb / r.totalKb) * 100);
      if (s !== 'ok') out.push([`netapp-${r.kind}-space|${r.name}`, s]);
    }
    if (r.inodePercent !== null && spaceState(r.inodePercent) !== 'ok') out.push([`netapp-${r.kind}-inodes|${r.name}`, spaceState(r.inodePercent)]);
  }
  const global = snmprecNumber(rec.get(`${N}.2.2.4.0`));
  if (global === 4) out.push(['netapp-global-status|', 'warning']);
  if (global === 5 || global === 6) out.push(['netapp-global-status|', 'critical']);
  return out.sort(([a], [b]) => a.localeCompare(b));
}

function rowsByName(rows: Row[] | undefined): Map<string, Row> {
  return new Map((rows ?? []).map((r) => [String(r.name), r]));
}

/** The page's space tables against the recording: every non-snapshot row, sizes and use. */
function checkSpace(result: PollResult, rec: Snmprec): void {
  const tables = { aggregate: rowsByName(result.tables.aggregates), volume: rowsByName(result.tables.volumes) };
  const expected = expectedDf(rec).filter((r) => !r.snapshot);
  expect(expected.length).toBeGreaterThan(0);
  for (const e of expected) {
    const row = tables[e.kind].get(e.name);
    expect(row, `${e.kind} ${e.name}`).toBeDefined();
    expect(row?.total).toBe(e.totalKb === null ? null : e.totalKb * 1024);
    if (e.usedKb !== null && e.totalKb) {
      const percent = (e.usedKb / e.totalKb) * 100;
      expect(row?.used).toBe(e.usedKb * 1024);
      expect(Math.abs(Number(row?.usedPercent) - percent)).toBeLessThanOrEqual(0.05);
      expect(metric(result, `${e.kind}.used.percent`, e.name)).toBeCloseTo(percent, 9);
      expect(row?.health).toBe(spaceState(Math.max(percent, e.inodePercent ?? 0)));
    }
    expect(row?.inodePercent).toBe(e.inodePercent);
  }
}

describe('NetApp family against recordings', () => {
  let peer: SnmpsimPeer;
  const recs = { fas: readSnmprec(FAS3270), ontap: readSnmprec(ONTAP93), lab: readSnmprec(LAB) };

  beforeAll(async () => {
    peer = await startSnmpsim([FAS3270, ONTAP93, LAB]);
  });
  afterAll(async () => {
    await peer?.stop();
  });

  it('FAS3270 7-mode: detected, identity, space from df64, LUNs, health', async () => {
    const rec = recs.fas;
    const r = await pollOnce(peer, 'netapp-7mode-fas3270');
    expect(r.family).toBe('netapp');
    expect(r.identity).toMatchObject({
      model: snmprecText(rec.get(`${N}.1.5.0`)),
      version: snmprecText(rec.get(`${N}.1.2.0`)),
      firmware: snmprecText(rec.get(`${N}.1.6.0`)),
      serial: snmprecText(rec.get(`${N}.1.9.0`)),
      globalStatus: 'ok',
      globalState: 'ok',
      globalStatusMessage: snmprecText(rec.get(`${N}.2.2.25.0`))?.trim(),
      cpuCount: snmprecNumber(rec.get(`${N}.2.1.6.0`)),
      disksFailed: snmprecNumber(rec.get(`${N}.6.4.7.0`)),
      disksSpare: snmprecNumber(rec.get(`${N}.6.4.8.0`)),
      nvramBattery: 'ok',
      overTemperature: false,
    });
    expect(r.identity.failover).toContain(snmprecText(rec.get(`${N}.2.3.6.0`)) ?? 'partner name');
    expect(r.uptimeSeconds).toBe((snmprecNumber(rec.get(`${N}.2.1.1.0`)) ?? 0) / 100);
    expect(metric(r, 'netapp.cpu.busy')).toBe(snmprecNumber(rec.get(`${N}.2.1.3.0`)));

    checkSpace(r, rec);
    const vols = expectedDf(rec).filter((e) => !e.snapshot && e.kind === 'volume');
    expect(r.tables.volumes).toHaveLength(vols.length);
    // The recording's trap: 32-bit columns disagree with df64; the page shows df64.
    const mail3 = expectedDf(rec).find((e) => e.name === 'mail3' && !e.snapshot);
    expect(mail3?.raw32Used).not.toBe(mail3?.usedKb);
    expect(rowsByName(r.tables.volumes).get('mail3')?.used).toBe((mail3?.usedKb ?? NaN) * 1024);

    const luns = expectedLuns(rec);
    expect(luns).toHaveLength(snmprecNumber(rec.get(`${N}.17.15.1.0`)) ?? -1);
    expect((r.tables.luns ?? []).map((l) => [l.name, l.size, l.online, l.mapped])).toEqual(luns.map((l) => [l.name, l.size, l.online, l.mapped]));

    const fullest = Math.max(...expectedDf(rec).filter((e) => !e.snapshot && e.totalKb).map((e) => ((e.usedKb ?? 0) / (e.totalKb ?? 1)) * 100));
    expect(metric(r, 'netapp.fullest.percent')).toBeCloseTo(fullest, 9);
    expect(raised(evaluateRules(rulesOf('netapp'), r.metrics))).toEqual(expectedRaised(rec));
    expect(r.problems).toEqual([]);

    // IF-MIB: every interface of ifNumber, the saturated 10 GbE ifSpeed shown as unknown, not 4.29 Gbit/s.
    expect(r.tables.interfaces).toHaveLength(snmprecNumber(rec.get('1.3.6.1.2.1.2.1.0')) ?? -1);
    const e1a = (r.tables.interfaces ?? []).find((i) => i.name === 'e1a');
    expect(e1a?.speed).toBeNull();
  });

  it('ONTAP 9.3 cluster: space from high words + 32-bit columns, per-node CPU, saturated sysUpTime ignored', async () => {
    const rec = recs.ontap;
    const r = await pollOnce(peer, 'netapp-ontap93');
    expect(r.family).toBe('netapp');
    expect(r.identity.version).toBe(snmprecText(rec.get(`${N}.1.2.0`)));
    expect(r.uptimeSeconds).toBe((snmprecNumber(rec.get(`${N}.2.1.1.0`)) ?? 0) / 100);
    const tables = rowsByName(r.tables.volumes);
    for (const e of expectedDf(rec)) {
      const row = tables.get(e.name);
      expect(row?.total).toBe((e.totalKb ?? 0) * 1024);
      // No used high word in this agent: the 32-bit column read unsigned (its percentage, at most 95 %, rules
      // out a lost 2^32 KB), never the negative value.
      expect(row?.used).toBe(u32(e.raw32Used ?? NaN) * 1024);
      expect(row?.usedPercent).toBeCloseTo(e.totalKb ? (u32(e.raw32Used ?? 0) / e.totalKb) * 100 : 0, 1);
      // Available has the same lost high word; it must complete used to the total (the agent reads them
      // moments apart, hence a few KB of slack), never be the 32-bit remainder alone.
      expect(Math.abs(Number(row?.available) + Number(row?.used) - Number(row?.total))).toBeLessThanOrEqual(Number(row?.total) * 1e-6);
    }
    // Row 1032: dfKBytesTotal -1183973408 with dfHighTotalKBytes 4.
    const wrapped = expectedDf(rec).find((e) => (e.totalKb ?? 0) > TWO_32);
    expect(wrapped).toBeDefined();
    expect(tables.get(wrapped?.name ?? '')?.total).toBe((4 * TWO_32 + u32(-1183973408)) * 1024);

    const cpuEntry = `${N}.2.1.14.1`;
    const nodes = [...snmprecColumn(rec, cpuEntry, 1)].map(([index, e]) => ({ name: snmprecText(e) ?? '', busy: snmprecNumber(snmprecColumn(rec, cpuEntry, 4).get(index)) }));
    expect(nodes.length).toBe(2);
    for (const n of nodes) expect(metric(r, 'netapp.cpu.busy', n.name)).toBe(n.busy);
    expect((r.tables.nodes ?? []).map((n) => n.name)).toEqual(nodes.map((n) => n.name));
    expect(raised(evaluateRules(rulesOf('netapp'), r.metrics)).filter(([k]) => !k.startsWith('netapp-cpu'))).toEqual(expectedRaised(rec));
  });

  it('lab filer: the 98 % volume is critical, offline volume and LUN are problems, pairs give the sizes', async () => {
    const rec = recs.lab;
    const r = await pollOnce(peer, 'netapp-7mode-volume-full');
    expect(r.family).toBe('netapp');
    checkSpace(r, rec);
    const states = evaluateRules(rulesOf('netapp'), r.metrics);
    expect(raised(states)).toEqual(expectedRaised(rec));
    expect(states.get('netapp-volume-space|vol_db')).toBe('critical');
    expect(states.get('netapp-global-status|')).toBe('warning');
    expect(r.identity.globalState).toBe('warning');
    expect(r.problems).toContainEqual({ severity: 'warning', message: 'Volume vol_archive is offline' });
    expect(r.problems).toContainEqual({ severity: 'warning', message: 'LUN /vol/vol_vmware/lun_old_esx is offline' });
    expect(rowsByName(r.tables.volumes).get('vol_archive')).toMatchObject({ state: 'offline', health: 'warning', total: null });
    const luns = expectedLuns(rec);
    expect((r.tables.luns ?? []).map((l) => [l.name, l.size, l.online, l.mapped])).toEqual(luns.map((l) => [l.name, l.size, l.online, l.mapped]));
    expect(r.identity.licenses).toBe('NFS, CIFS, iSCSI');
  });

  it('lab filer: Counter64 rates, and a 10 GbE Counter32 read across its wrap never gives a negative or absurd rate', async () => {
    const rec = recs.lab;
    const TOLERANCE = 0.5;
    const inOctets = '1.3.6.1.2.1.2.2.1.10.3';
    const wrapRate = variation(rec.get(inOctets)?.value).rate ?? NaN;
    const diskRead = variation(rec.get(`${N}.2.2.32.0`)?.value).rate ?? NaN;
    const nfs = variation(rec.get(`${N}.2.2.27.0`)?.value).rate ?? NaN;
    expect(wrapRate).toBeGreaterThan(0);
    const poller = openPoller(peer, 'netapp-7mode-volume-full');
    const raw = rawSession(peer, 'netapp-7mode-volume-full');
    try {
      const first = await poller.poll(AbortSignal.timeout(30_000));
      expect(metric(first, 'if.in.bps', 'e1a')).toBeUndefined();
      let previous = Number((await raw.get([inOctets])).get(inOctets)?.value);
      let wrapsSeen = 0;
      let polls = 0;
      // snmpsim's counter wraps every 2^32 / rate ≈ 10 s: polling every 1.5 s for up to 15 s crosses one wrap.
      // The rate is timed by the poller's clock and the counter by the simulator's: on a loaded machine the two
      // drift by up to a few hundred ms over a 1.5 s interval on a loaded machine. What matters is no negative
      // or absurd rate: a wrong wrap guess is off by 2^32 / 1.5 s, orders of magnitude, not by a factor of 2.
      while (polls < 10 && wrapsSeen === 0) {
        await sleep(1500);
        const r = await poller.poll(AbortSignal.timeout(30_000));
        const now = Number((await raw.get([inOctets])).get(inOctets)?.value);
        if (now < previous) wrapsSeen += 1;
        previous = now;
        polls += 1;
        const bps = metric(r, 'if.in.bps', 'e1a');
        expect(bps, `poll ${polls}`).toBeDefined();
        expect(Math.abs((bps ?? 0) / (wrapRate * 8) - 1)).toBeLessThan(TOLERANCE);
        expect(Math.abs((metric(r, 'netapp.disk.read') ?? 0) / diskRead - 1)).toBeLessThan(TOLERANCE);
        expect(Math.abs((metric(r, 'netapp.ops.nfs') ?? 0) / nfs - 1)).toBeLessThan(TOLERANCE);
      }
      expect(wrapsSeen).toBe(1);
      // The wrap may have come between the last poll and the raw read: one more poll covers it for sure.
      await sleep(1500);
      const after = await poller.poll(AbortSignal.timeout(30_000));
      expect(Math.abs((metric(after, 'if.in.bps', 'e1a') ?? 0) / (wrapRate * 8) - 1)).toBeLessThan(TOLERANCE);
    } finally {
      raw.close();
      await poller.close();
    }
  });
});
