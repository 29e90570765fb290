import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResult } from '../../../src/main/core/pollers/source';
import { readSnmprec, writeSnmprec, type Snmprec } from '../../helpers/snmprec';
import { LAB_SNMPREC, SHARED_SNMPREC, startSnmpsim, type SnmpsimPeer } from '../../helpers/snmpsim';
import { pollOnce } from './families-harness';

/**
 * A UPS family copes with the tables an agent does not answer: each table (MIB group, conceptual table) is
 * removed in turn from the family's recording, and the poll must still detect the family and report the
 * rest. Every metric of the full poll must still be there with the same value, except those the removed
 * table is the source of (declared per table below: metric name prefixes). A metric that changes value (a
 * made-up "on mains" without the output group) or disappears without being declared fails the test.
 *
 * The reduced recordings are written to a temporary folder and all served by one snmpsim (each file is a
 * community), since the simulator is slow to start.
 */
interface TableCase {
  /** Short name, also part of the community. */
  name: string;
  /** OID prefix removed from the recording. */
  prefix: string;
  /** Metric name prefixes this table is the only source of. */
  lost: string[];
  /** Extra checks on the reduced poll. */
  check?: (reduced: PollResult, full: PollResult) => void;
}

interface FamilyCase {
  family: string;
  recording: string;
  tables: TableCase[];
}

const X = '1.3.6.1.4.1.534.1';
const M = '1.3.6.1.4.1.705.1';
const APC = '1.3.6.1.4.1.318.1.1.1';
const UPSMIB = '1.3.6.1.2.1.33.1';

const CASES: FamilyCase[] = [
  {
    family: 'ups-eaton',
    recording: `${LAB_SNMPREC}eaton-9px-xups-on-bypass.snmprec`,
    tables: [
      { name: 'xupsIdent', prefix: `${X}.1`, lost: [], check: (r) => expect(r.identity.model).toBeNull() },
      { name: 'xupsBattery', prefix: `${X}.2`, lost: ['ups.battery.percent', 'ups.runtime', 'ups.battery.voltage', 'ups.battery.replace'] },
      { name: 'xupsInput', prefix: `${X}.3`, lost: ['ups.input.'] },
      { name: 'xupsInputTable', prefix: `${X}.3.4`, lost: ['ups.input.voltage'] },
      // Without xupsOutputSource the UPS's state is unknown: no "on mains" is made up.
      { name: 'xupsOutput', prefix: `${X}.4`, lost: ['ups.output.', 'ups.load.percent', 'ups.on.battery', 'ups.power.severity'] },
      { name: 'xupsOutputTable', prefix: `${X}.4.4`, lost: ['ups.output.voltage', 'ups.output.current'] },
      { name: 'xupsEnvironment', prefix: `${X}.6`, lost: ['ups.ambient.temperature'] },
      { name: 'xupsConfig', prefix: `${X}.10`, lost: [], check: (r) => expect(r.identity.ratedWatts).toBeNull() },
      { name: 'upsMib', prefix: UPSMIB, lost: [] },
    ],
  },
  {
    family: 'ups-mge',
    recording: `${LAB_SNMPREC}mge-pulsar-m-on-battery.snmprec`,
    tables: [
      { name: 'upsmgIdent', prefix: `${M}.1`, lost: [], check: (r) => expect(r.identity.serial).toBeNull() },
      { name: 'upsmgConfig', prefix: `${M}.4`, lost: [], check: (r) => expect(r.identity.ratedVA).toBeNull() },
      { name: 'upsmgBattery', prefix: `${M}.5`, lost: ['ups.battery.', 'ups.runtime', 'ups.power.severity'] },
      { name: 'upsmgInput', prefix: `${M}.6`, lost: ['ups.input.'] },
      { name: 'upsmgInputPhaseTable', prefix: `${M}.6.2`, lost: ['ups.input.'] },
      { name: 'upsmgOutput', prefix: `${M}.7`, lost: ['ups.output.', 'ups.load.percent', 'ups.on.battery', 'ups.power.severity'] },
      { name: 'upsmgOutputPhaseTable', prefix: `${M}.7.2`, lost: ['ups.output.', 'ups.load.percent'] },
      { name: 'upsmgEnviron', prefix: `${M}.8`, lost: ['ups.ambient.temperature'] },
    ],
  },
  {
    family: 'ups-apc',
    recording: `${SHARED_SNMPREC}apc-smart-ups-rt3000.snmprec`,
    tables: [
      { name: 'upsIdent', prefix: `${APC}.1`, lost: [] },
      { name: 'upsBattery', prefix: `${APC}.2`, lost: ['ups.battery.', 'ups.runtime', 'ups.time.on.battery', 'ups.power.severity', 'ups.on.battery'] },
      { name: 'upsInput', prefix: `${APC}.3`, lost: ['ups.input.'] },
      { name: 'upsOutput', prefix: `${APC}.4`, lost: ['ups.output.', 'ups.load.percent', 'ups.on.battery', 'ups.power.severity'] },
      { name: 'ifTable', prefix: '1.3.6.1.2.1.2', lost: [] },
    ],
  },
  {
    family: 'ups-generic',
    recording: `${LAB_SNMPREC}ups-mib-on-battery.snmprec`,
    tables: [
      { name: 'upsIdent', prefix: `${UPSMIB}.1`, lost: [] },
      { name: 'upsBattery', prefix: `${UPSMIB}.2`, lost: ['ups.battery.', 'ups.runtime', 'ups.time.on.battery'] },
      { name: 'upsInputTable', prefix: `${UPSMIB}.3`, lost: ['ups.input.'] },
      { name: 'upsOutput', prefix: `${UPSMIB}.4`, lost: ['ups.output.', 'ups.load.percent', 'ups.on.battery', 'ups.power.severity'] },
      { name: 'upsOutputTable', prefix: `${UPSMIB}.4.4`, lost: ['ups.output.voltage', 'ups.output.current', 'ups.load.percent'] },
      { name: 'upsAlarm', prefix: `${UPSMIB}.6`, lost: [] },
    ],
  },
];

const community = (c: FamilyCase, t: TableCase): string => `${c.family}--no-${t.name}`;

function without(rec: Snmprec, prefixes: string): Snmprec {
  const drop = prefixes.split('|');
  return new Map([...rec].filter(([oid]) => !drop.some((p) => oid === p || oid.startsWith(`${p}.`))));
}

const key = (m: { name: string; instance: string }): string => `${m.name}|${m.instance}`;

describe('every UPS family still reports what it has when a table is missing', () => {
  let peer: SnmpsimPeer;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vigie-ups-missing-tables-'));
    const files: string[] = [];
    for (const c of CASES) {
      const rec = readSnmprec(c.recording);
      const full = join(dir, `${c.family}--full.snmprec`);
      writeSnmprec(full, rec);
      files.push(full);
      for (const t of c.tables) {
        const reduced = without(rec, t.prefix);
        // A case that removes nothing tests nothing.
        expect(reduced.size, `${c.family} ${t.name}`).toBeLessThan(rec.size);
        const file = join(dir, `${community(c, t)}.snmprec`);
        writeSnmprec(file, reduced);
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
    describe(c.family, () => {
      let full: PollResult;
      beforeAll(async () => {
        full = await pollOnce(peer, `${c.family}--full`);
        expect(full.family).toBe(c.family);
      });

      for (const t of c.tables) {
        it(`without ${t.name} (${t.prefix.replace('|', ', ')}): same family, the other figures unchanged`, async () => {
          const reduced = await pollOnce(peer, community(c, t));
          expect(reduced.family).toBe(c.family);
          const kept = new Map(reduced.metrics.map((m) => [key(m), m.value]));
          const declaredLost = (name: string): boolean => t.lost.some((p) => name.startsWith(p));
          const missing = full.metrics.filter((m) => !kept.has(key(m)) && !declaredLost(m.name)).map(key);
          expect(missing, 'metrics lost although their source is still there').toEqual([]);
          const changed = full.metrics.filter((m) => kept.has(key(m)) && kept.get(key(m)) !== m.value).map((m) => `${key(m)}: ${m.value} → ${kept.get(key(m))}`);
          expect(changed, 'metrics whose value changed').toEqual([]);
          // Nothing appears that the full agent did not report (instances renamed are checked by the case).
          const fullKeys = new Set(full.metrics.map(key));
          expect(reduced.metrics.filter((m) => !fullKeys.has(key(m)) && !declaredLost(m.name)).map(key)).toEqual([]);
          t.check?.(reduced, full);
        });
      }
    });
  }
});
