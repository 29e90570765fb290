import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { readSnmprec, snmprecColumn, snmprecNumber, snmprecText, writeSnmprec, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { pollOnce } from './families-harness';

/**
 * A family must report what the agent has when the agent lacks a table (any one of them): each recording is
 * served again without each table the family reads, in turn, and the poll must still succeed, find the same
 * family and report every figure of the full poll except those the removed table carries (`loses`: metric
 * names allowed to go or to change instance, e.g. interface names that came from ifName). The UPS families
 * have the same test in families-ups-missing-tables.test.ts. Every reduced recording is written to a temp
 * dir and served by ONE snmpsim (community = file name), since the simulator is slow to start.
 */
interface Removal {
  label: string;
  prefixes: string[];
  /** Metric names that may disappear or change instance with this table. */
  loses: RegExp;
  /** A table common to a class of agents (HOST-RESOURCES, UCD): skipped where the recording has none. */
  ifPresent?: true;
}

interface FamilyCase {
  family: string;
  recording: string;
  removals: Removal[];
}

const IF_TABLE = '1.3.6.1.2.1.2.2';
const IFX_TABLE = '1.3.6.1.2.1.31.1.1';
const IF_ENTRY = '1.3.6.1.2.1.2.2.1';
const IFX = '1.3.6.1.2.1.31.1.1.1';
const DOT11_ASSOCIATION = '1.3.6.1.4.1.9.9.273.1.1.2';
const NOTHING = /^$/;
const IF_NAMED = /^(if\.|ap\.radio\.)/;
const IF_TABLE_ONLY: Removal = { label: 'iftable', prefixes: [IF_TABLE], loses: /^if\./ };

/** HOST-RESOURCES-MIB (and UCD-SNMP-MIB on net-snmp agents): the tables of a server family. */
function hostRemovals(ucd: boolean): Removal[] {
  const UCD = '1.3.6.1.4.1.2021';
  const removals: Removal[] = [
    IF_TABLE_ONLY,
    { label: 'ifxtable', prefixes: [IFX_TABLE], loses: /^if\./ },
    { label: 'hr-storage', prefixes: ['1.3.6.1.2.1.25.2'], loses: /^(fs\.|memory\.|swap\.|virtual\.|datastore\.)/ },
    { label: 'hr-processors', prefixes: ['1.3.6.1.2.1.25.3.3'], loses: /^(cpu\.|load\.15\.per\.core)/ },
    { label: 'hr-processes', prefixes: ['1.3.6.1.2.1.25.4', '1.3.6.1.2.1.25.5'], loses: /^process/ },
    { label: 'hr-system', prefixes: ['1.3.6.1.2.1.25.1'], loses: /^(processes|users)$/ },
    ...(ucd
      ? [
          { label: 'ucd-memory', prefixes: [`${UCD}.4`], loses: /^(memory\.|swap\.)/ },
          { label: 'ucd-load', prefixes: [`${UCD}.10`], loses: /^load\./ },
          { label: 'ucd-cpu', prefixes: [`${UCD}.11`], loses: /^cpu\./ },
          { label: 'ucd-disk-io', prefixes: [`${UCD}.13`], loses: /^disk\./ },
        ]
      : []),
  ];
  return removals.map((r) => ({ ...r, ifPresent: true }));
}

const CASES: FamilyCase[] = [
  {
    family: 'aironet',
    recording: `${LAB_SNMPREC}cisco-aironet-1240.snmprec`,
    removals: [
      IF_TABLE_ONLY,
      { label: 'ifxtable', prefixes: [IFX_TABLE], loses: IF_NAMED },
      { label: 'both-if-tables', prefixes: [IF_TABLE, IFX_TABLE], loses: IF_NAMED },
      // Single columns: ifName (names then come from ifDescr), ifOperStatus.
      { label: 'ifname-column', prefixes: [`${IFX}.1`], loses: IF_NAMED },
      { label: 'ifoperstatus-column', prefixes: [`${IF_ENTRY}.8`], loses: /^if\.up$/ },
      { label: 'dot11-association', prefixes: [DOT11_ASSOCIATION], loses: /^ap\.(radio\.)?clients$/ },
      { label: 'cpu', prefixes: ['1.3.6.1.4.1.9.9.109'], loses: /^cpu\./ },
      { label: 'memory-pools', prefixes: ['1.3.6.1.4.1.9.9.48'], loses: /^memory\./ },
    ],
  },
  {
    family: 'airport',
    recording: `${LAB_SNMPREC}apple-airport-extreme.snmprec`,
    // No ifXTable on this agent.
    removals: [IF_TABLE_ONLY, { label: 'clients', prefixes: ['1.3.6.1.4.1.63.501.3.2'], loses: /^ap\./ }],
  },
  {
    family: 'switch',
    recording: `${SHARED_SNMPREC}cisco-ios-catalyst3550.snmprec`,
    removals: [
      IF_TABLE_ONLY,
      { label: 'ifxtable', prefixes: [IFX_TABLE], loses: /^if\./ },
      { label: 'ifname-column', prefixes: [`${IFX}.1`], loses: /^if\./ },
      { label: 'hc-counter-columns', prefixes: [`${IFX}.6`, `${IFX}.10`], loses: NOTHING },
      { label: 'cpu', prefixes: ['1.3.6.1.4.1.9.9.109'], loses: /^cpu\./ },
      { label: 'memory-pools', prefixes: ['1.3.6.1.4.1.9.9.48'], loses: /^memory\./ },
    ],
  },
  {
    family: 'sensor-apc',
    recording: `${LAB_SNMPREC}apc-emu-hot-room.snmprec`,
    removals: [
      { label: 'probes', prefixes: ['1.3.6.1.4.1.318.1.1.10.3.13'], loses: /^(sensor\.|env\.)/ },
      { label: 'contacts', prefixes: ['1.3.6.1.4.1.318.1.1.10.3.14'], loses: /^sensor\.contact\./ },
    ],
  },
  {
    family: 'sensor-akcp',
    recording: `${SHARED_SNMPREC}akcp-sensorprobe8.snmprec`,
    removals: [
      { label: 'temperatures', prefixes: ['1.3.6.1.4.1.3854.1.2.2.1.16'], loses: /^sensor\.temperature/ },
      { label: 'humidity', prefixes: ['1.3.6.1.4.1.3854.1.2.2.1.17'], loses: /^sensor\.humidity/ },
      { label: 'switches', prefixes: ['1.3.6.1.4.1.3854.1.2.2.1.18'], loses: /^sensor\.contact/ },
    ],
  },
  {
    family: 'netapp',
    recording: `${LAB_SNMPREC}netapp-7mode-volume-full.snmprec`,
    // No ifXTable on this agent.
    removals: [
      IF_TABLE_ONLY,
      { label: 'df', prefixes: ['1.3.6.1.4.1.789.1.5.4'], loses: /^(fs\.|volume\.|aggregate\.|netapp\.fullest|df\.)/ },
      { label: 'volumes', prefixes: ['1.3.6.1.4.1.789.1.5.8'], loses: /^volume\./ },
      { label: 'luns', prefixes: ['1.3.6.1.4.1.789.1.17.15'], loses: /^lun\./ },
    ],
  },
  { family: 'linux', recording: `${SHARED_SNMPREC}linux-netsnmp.snmprec`, removals: hostRemovals(true) },
  { family: 'windows', recording: `${SHARED_SNMPREC}windows-server-2003.snmprec`, removals: hostRemovals(false) },
  {
    family: 'esxi-snmp',
    recording: `${SHARED_SNMPREC}vmware-esxi.snmprec`,
    removals: [
      ...hostRemovals(false).filter((r) => ['iftable', 'hr-storage', 'hr-processors'].includes(r.label)),
      { label: 'vm-table', prefixes: ['1.3.6.1.4.1.6876.2.1'], loses: /^vms\./ },
    ],
  },
  {
    family: 'barracuda-ng',
    recording: `${SHARED_SNMPREC}barracuda-ngfirewall.snmprec`,
    removals: [{ label: 'firewall', prefixes: ['1.3.6.1.4.1.10704.1.10'], loses: /^firewall\./ }, ...hostRemovals(true)],
  },
  {
    // Its own mail table is what proves a Spam Firewall (detection): only the host tables are removed.
    family: 'barracuda-spam',
    recording: `${SHARED_SNMPREC}barracuda-spam-firewall.snmprec`,
    removals: hostRemovals(true),
  },
];

const under = (oid: string, prefixes: string[]): boolean => prefixes.some((p) => oid === p || oid.startsWith(`${p}.`));

function without(rec: Snmprec, prefixes: string[]): { rec: Snmprec; removed: number } {
  const out: Snmprec = new Map();
  let removed = 0;
  for (const [oid, entry] of rec) {
    if (under(oid, prefixes)) removed++;
    else out.set(oid, entry);
  }
  return { rec: out, removed };
}

const key = (m: { name: string; instance: string }): string => `${m.name}|${m.instance}`;
const community = (c: FamilyCase, r?: Removal): string => `${basename(c.recording, '.snmprec')}${r ? `-without-${r.label}` : ''}`;

function removal(c: FamilyCase | undefined, label: string): Removal {
  const r = c?.removals.find((x) => x.label === label);
  if (!r) throw new Error(`fixture: no removal ${label}`);
  return r;
}

describe('every family reports what it has when a table is missing', () => {
  let peer: SnmpsimPeer;
  let dir: string;
  const removedLines = new Map<string, number>();
  const aironet = CASES[0];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-missing-tables-'));
    const files: string[] = [];
    for (const c of CASES) {
      const rec = readSnmprec(c.recording);
      files.push(c.recording);
      for (const r of c.removals) {
        const reduced = without(rec, r.prefixes);
        removedLines.set(community(c, r), reduced.removed);
        const file = join(dir, `${community(c, r)}.snmprec`);
        writeSnmprec(file, reduced.rec);
        files.push(file);
      }
    }
    peer = await startSnmpsim(files);
  });
  afterAll(async () => {
    await peer?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const c of CASES) {
    it(`${c.family} (${basename(c.recording)}): without ${c.removals.map((r) => r.label).join(', ')} in turn`, async () => {
      const full = await pollOnce(peer, community(c));
      expect(full.family).toBe(c.family);
      for (const r of c.removals) {
        if (r.ifPresent && removedLines.get(community(c, r)) === 0) continue;
        // The removal must take something away, or the case tests nothing.
        expect(removedLines.get(community(c, r)), `${r.label} removes lines`).toBeGreaterThan(0);
        let reduced: PollResult;
        try {
          reduced = await pollOnce(peer, community(c, r));
        } catch (error) {
          throw new Error(`without ${r.label}: the poll failed: ${String(error)}`, { cause: error });
        }
        expect(reduced.family, `without ${r.label}`).toBe(c.family);
        const kept = new Set(reduced.metrics.map(key));
        const missing = full.metrics.filter((m) => !r.loses.test(m.name) && !kept.has(key(m))).map(key);
        expect(missing, `without ${r.label}: figures that should still be reported`).toEqual([]);
      }
    });
  }

  it('Aironet without ifTable: radios named from ifName, clients per radio from the association table', async () => {
    if (!aironet) throw new Error('fixture');
    const rec = readSnmprec(aironet.recording);
    const r = await pollOnce(peer, community(aironet, removal(aironet, 'iftable')));
    const clients = snmprecColumn(rec, `${DOT11_ASSOCIATION}.1`, 1);
    expect(clients.size).toBe(2);
    const expected = [...clients].map(([ifIndex, e]) => [snmprecText(snmprecColumn(rec, IFX, 1).get(ifIndex)), snmprecNumber(e)]);
    expect(r.tables.radios?.map((row) => [row.name, row.clients])).toEqual(expected);
    expect(r.identity.radios).toBe(2);
    expect(r.metrics.find((m) => m.name === 'ap.clients')?.value).toBe(expected.reduce((s, [, n]) => s + Number(n), 0));
    // The interfaces come from ifXTable then: every one of them is listed.
    expect(r.tables.interfaces?.length).toBe(snmprecColumn(rec, IFX, 1).size);
  });

  it('Aironet without ifXTable: radios named from ifDescr; without either interface table: named by index', async () => {
    if (!aironet) throw new Error('fixture');
    const rec = readSnmprec(aironet.recording);
    const clients = [...snmprecColumn(rec, `${DOT11_ASSOCIATION}.1`, 1)];
    const noIfx = await pollOnce(peer, community(aironet, removal(aironet, 'ifxtable')));
    expect(noIfx.tables.radios?.map((row) => [row.name, row.clients])).toEqual(
      clients.map(([i, e]) => [snmprecText(snmprecColumn(rec, IF_ENTRY, 2).get(i)), snmprecNumber(e)]),
    );
    const none = await pollOnce(peer, community(aironet, removal(aironet, 'both-if-tables')));
    expect(none.tables.radios?.map((row) => [row.name, row.clients, row.status])).toEqual(clients.map(([i, e]) => [`if${i}`, snmprecNumber(e), null]));
    expect(none.identity.clients).toBe(clients.reduce((s, [, e]) => s + (snmprecNumber(e) ?? 0), 0));
  });
});
