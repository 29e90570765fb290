import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FamilyDescriptor, FieldSpec } from '../../../../../shared/families/descriptor';
import { FAMILY_DESCRIPTORS } from '../../../../../shared/families/index';
import { recordingSession } from '../../../../../../test/helpers/recording-session';
import type { PollResult } from '../../source';
import { createSnmpSource } from '../snmp-source';

/**
 * Issue 17 item 9, on real data: every recording the integration tests replay (shared and lab snmprec), run
 * through detection and the family's poll on an in-memory session, must give each quantity a unit: no
 * metric with unit '' unless listed below, no number in a table or identity field shown without a unit, and
 * a chart or figure declares the unit its metric is measured in.
 */
const SHARED = new URL('../../../../../../../shared/snmprec/', import.meta.url).pathname;
const LAB = new URL('../../../../../../lab/snmprec/', import.meta.url).pathname;
const RECORDINGS = [SHARED, LAB].flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.snmprec')).map((f) => join(dir, f)));

/** Recordings of a few lines that only test detection: nothing to measure. */
const DETECTION_ONLY = new Set(['windows.snmprec']);

/** Metrics that are not quantities: conditions (1/0) and state codes the rules compare, never shown as figures. */
const CODES: Readonly<Record<string, string>> = {
  'ups.power.severity': 'a state code (0 ok … 2 critical) for the rules',
  'netapp.status.severity': 'a state code (0 ok … 2 critical) for the rules',
};
const isFlag = (poll: PollResult, name: string): boolean => poll.metrics.filter((m) => m.name === name).every((m) => m.value === 0 || m.value === 1);

/** Table columns and identity fields that hold numbers but are identifiers or carry the unit in their header. */
const NOT_QUANTITIES = new Set(['cores.core', 'processes.pid', 'clients.rate', 'clients.strength', 'clients.noise', 'clients.snr', 'identity.ratedVA']);
const SHOWN_AS_IS = new Set<FieldSpec['format']>(['state', 'boolean', 'date', 'duration', 'text']);

function descriptor(id: string): FamilyDescriptor {
  const d = FAMILY_DESCRIPTORS.find((f) => f.id === id);
  if (!d) throw new Error(`no descriptor for ${id}`);
  return d;
}

async function pollRecording(path: string): Promise<PollResult> {
  const session = recordingSession(path);
  const source = createSnmpSource({ createSession: () => session });
  const target = {
    device: {
      name: 'audit',
      kind: 'snmp' as const,
      family: 'auto',
      host: '127.0.0.1',
      port: 161,
      intervalSeconds: 60,
      enabled: true,
      snmp: { version: '2c' as const, timeoutMs: 1000, retries: 0, user: '', level: 'authPriv' as const, authProtocol: 'sha' as const, privProtocol: 'aes' as const, context: '' },
      vsphere: null,
      http: null,
      watchedProcesses: [],
      parentId: null,
    },
    secret: { community: 'public' },
  };
  let now = Date.parse('2026-01-05T10:00:00Z');
  const poller = source.open(target, { clock: { now: () => now }, log: { info: () => undefined, warn: () => undefined, error: () => undefined } });
  await poller.poll(new AbortController().signal);
  now += 60_000; // the second poll gives the rates
  const poll = await poller.poll(new AbortController().signal);
  await poller.close();
  return poll;
}

function findings(poll: PollResult): string[] {
  const d = descriptor(poll.family);
  const out: string[] = [];
  for (const m of poll.metrics) {
    if (m.unit === '' && !(m.name in CODES) && !isFlag(poll, m.name)) out.push(`metric ${m.name} has no unit`);
  }
  const unitOf = new Map(poll.metrics.map((m) => [m.name, m.unit]));
  const numberField = (where: string, f: FieldSpec, value: unknown): void => {
    if (typeof value !== 'number' || f.unit || SHOWN_AS_IS.has(f.format) || NOT_QUANTITIES.has(`${where}.${f.key}`)) return;
    out.push(`${where}.${f.key} shows ${value} without a unit`);
  };
  for (const s of d.sections) {
    if (s.kind === 'identity') for (const f of s.fields) numberField('identity', f, poll.identity[f.key]);
    if (s.kind === 'table') for (const row of poll.tables[s.table] ?? []) for (const c of s.columns) numberField(s.table, c, row[c.key]);
    if (s.kind === 'stats') {
      for (const i of s.items) if (unitOf.has(i.metric) && unitOf.get(i.metric) !== i.unit) out.push(`stats ${i.metric} says ${i.unit}, measured in ${unitOf.get(i.metric)}`);
    }
    if (s.kind === 'chart') {
      for (const x of s.series) if (unitOf.has(x.metric) && unitOf.get(x.metric) !== s.unit) out.push(`chart ${x.metric} says ${s.unit}, measured in ${unitOf.get(x.metric)}`);
    }
  }
  if (d.tile?.source === 'metric' && unitOf.has(d.tile.metric) && unitOf.get(d.tile.metric) !== d.tile.unit) {
    out.push(`tile ${d.tile.metric} says ${d.tile.unit}, measured in ${unitOf.get(d.tile.metric)}`);
  }
  return [...new Set(out)];
}

describe('units audit of every recording-driven poll', () => {
  it('replays at least the recordings the integration tests use', () => {
    expect(RECORDINGS.length).toBeGreaterThanOrEqual(20);
  });

  for (const path of RECORDINGS) {
    const name = path.split('/').pop() ?? path;
    it(`${name}: every quantity has its unit`, async () => {
      const poll = await pollRecording(path);
      if (!DETECTION_ONLY.has(name)) expect(poll.metrics.length, `${name} polled as ${poll.family}`).toBeGreaterThan(0);
      expect(findings(poll), `${name} polled as ${poll.family}`).toEqual([]);
    });
  }
});
