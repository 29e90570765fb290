import type {
  ReportCheckResult,
  ReportDocument,
  ReportExclusions,
  ReportProfile,
  ReportProgress,
  ReportRow,
  ReportSummary,
  ReportThreshold,
  ReportVcenter,
} from '../../../shared/contract/report';
import { VimClient } from '../vsphere/client';
import { VsphereError, VsphereTimeoutError } from '../vsphere/errors';
import { InvalidLoginFault } from '../vsphere/faults';
import { CALLS } from './calls';
import { REPORT_CHECKS } from './checks/index';
import { collectSnapshot, DEFAULT_TIMEOUTS, type CollectTimeouts } from './collect/collector';
import { probeNtp } from './collect/ntp-probe';
import { buildPlan } from './collect/plan';
import { nameMatcher, type NameMatcher } from './patterns';
import type { InventorySnapshot, SnapshotCheck } from './snapshot';

/** One vCenter to read: where, and the credentials (the caller took the password from the keychain). */
export interface ReportTarget {
  name: string;
  host: string;
  port?: number | null;
  protocol?: 'https' | 'http';
  user: string;
  password: string;
  tlsFingerprint?: string | null;
}

export type ReportRunStage = 'connect' | 'auth' | 'tls' | 'timeout' | 'cancelled';

/** No vCenter could be read (or the run was cancelled): no report. The message says how to fix it. */
export class ReportRunError extends Error {
  constructor(
    readonly stage: ReportRunStage,
    message: string,
  ) {
    super(message);
    this.name = 'ReportRunError';
  }
}

export interface RunReportInput {
  profile: ReportProfile;
  targets: ReportTarget[];
  /** The previous report of the same profile, for `isNew`; null for the first one. */
  previous: ReportDocument | null;
  now: () => number;
  signal?: AbortSignal;
  onProgress?: (p: Omit<ReportProgress, 'runId' | 'profile'>) => void;
  timeouts?: Partial<CollectTimeouts>;
  /** Checks to run instead of the registry (tests). */
  checks?: readonly SnapshotCheck[];
}

interface EnabledCheck {
  check: SnapshotCheck;
  thresholds: ReportThreshold;
  exclusions: { vm: NameMatcher; host: NameMatcher; datastore: NameMatcher };
}

interface VcenterRead {
  target: ReportTarget;
  snapshot: InventorySnapshot | null;
  error: { stage: ReportRunStage; message: string } | null;
  timings: Record<string, number>;
}

const EMPTY_SUMMARY: ReportSummary = { hosts: 0, vms: 0, vmsPoweredOn: 0, vmsPoweredOff: 0, vmsSuspended: 0, templates: 0, clusters: 0, datastores: 0 };

export function summarize(s: InventorySnapshot): ReportSummary {
  const vms = s.vms.filter((v) => !v.template);
  return {
    hosts: s.hosts.length,
    vms: vms.length,
    vmsPoweredOn: vms.filter((v) => v.powerState === 'poweredOn').length,
    vmsPoweredOff: vms.filter((v) => v.powerState === 'poweredOff').length,
    vmsSuspended: vms.filter((v) => v.powerState === 'suspended').length,
    templates: s.vms.length - vms.length,
    clusters: s.clusters.length,
    datastores: s.datastores.length,
  };
}

function addSummaries(list: readonly ReportSummary[]): ReportSummary {
  const out = { ...EMPTY_SUMMARY };
  for (const s of list) for (const k of Object.keys(out) as (keyof ReportSummary)[]) out[k] += s[k];
  return out;
}

/** `{name}` placeholders of a title filled with the thresholds (lists joined). */
export function fillTitle(title: string, t: ReportThreshold): string {
  return title.replace(/\{(\w+)\}/g, (m, k: string) => {
    const v = t[k];
    return v === undefined ? m : Array.isArray(v) ? v.join(', ') : String(v);
  });
}

/** `<profile>-YYYYMMDDTHHMMSSZ`. */
export function reportId(profile: string, at: number): string {
  return `${profile}-${new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '')}`;
}

/** What identifies a finding across reports: check, vCenter and the check's identity columns, never the position. */
export function findingKey(checkId: string, row: Pick<ReportRow, 'vcenter'> & Record<string, unknown>, identity: readonly string[]): string {
  return JSON.stringify([checkId, row.vcenter, ...identity.map((c) => row[c] ?? null)]);
}

function previousKeys(previous: ReportDocument | null, checks: readonly SnapshotCheck[]): Set<string> | null {
  if (!previous) return null;
  const keys = new Set<string>();
  for (const r of previous.checks) {
    const check = checks.find((c) => c.id === r.id);
    if (!check) continue;
    for (const row of r.rows) keys.add(findingKey(r.id, row, check.identity ?? check.columns));
  }
  return keys;
}

/** Turns a connection failure into the stage and a one-line fix. */
export function classify(error: unknown, target: ReportTarget): { stage: ReportRunStage; message: string } {
  const where = `${target.name} (${target.host}${target.port ? `:${target.port}` : ''})`;
  const text = error instanceof Error ? error.message : String(error);
  if (error instanceof InvalidLoginFault || (error instanceof VsphereError && error.stage === 'auth')) {
    return { stage: 'auth', message: `${where}: login refused (${text}); check the user name and the password stored for this vCenter` };
  }
  if (error instanceof VsphereError && (error.stage === 'tls-untrusted' || error.stage === 'tls-changed')) {
    return {
      stage: 'tls',
      message: `${where}: ${text}; trust the certificate by pinning its fingerprint in the vCenter's settings (Test connection shows it), or install its CA in the system's trust store`,
    };
  }
  if (error instanceof VsphereTimeoutError || (error instanceof VsphereError && error.stage === 'timeout')) {
    return { stage: 'timeout', message: `${where}: ${text}; check that the vCenter is up and not overloaded, or raise the report's timeout` };
  }
  return { stage: 'connect', message: `${where}: cannot read the vCenter (${text}); check the address, the port and that it answers from this machine` };
}

function excluded(row: Record<string, unknown>, subjects: SnapshotCheck['subjects'], sets: readonly EnabledCheck['exclusions'][]): boolean {
  if (!subjects) return false;
  const cell = (col: string | undefined): string | null => {
    const v = col === undefined ? undefined : row[col];
    return typeof v === 'string' ? v : null;
  };
  return sets.some(
    (s) => s.vm.test(cell(subjects.vm)) || s.host.test(cell(subjects.host)) || s.datastore.test(cell(subjects.datastore)),
  );
}

const matchers = (e: ReportExclusions): EnabledCheck['exclusions'] => ({
  vm: nameMatcher(e.vms),
  host: nameMatcher(e.hosts),
  datastore: nameMatcher(e.datastores),
});

/** The calls a check cannot do without (events and perf included). */
function requiredCalls(check: SnapshotCheck): string[] {
  return [...(check.needs.calls ?? []), ...(check.needs.events && !check.needs.events.optional ? [CALLS.events] : []), ...(check.needs.perf ? [CALLS.perf] : [])];
}

type PerVcenter =
  | { status: 'rows'; rows: ReportRow[]; message: string | null }
  | { status: 'unsupported' | 'error'; message: string };

function runOne(c: EnabledCheck, read: VcenterRead, global: EnabledCheck['exclusions']): PerVcenter {
  if (!read.snapshot) return { status: 'error', message: read.error?.message ?? 'not read' };
  for (const name of requiredCalls(c.check)) {
    const f = read.snapshot.failures.get(name);
    if (f) return { status: f.kind, message: f.message };
  }
  try {
    const out = c.check.run(read.snapshot, c.thresholds);
    if (out.status === 'unsupported') return { status: 'unsupported', message: out.message };
    const rows: ReportRow[] = [];
    for (const f of out.rows) {
      const row = { ...f.cells, severity: f.severity, isNew: false, vcenter: read.target.name };
      if (!excluded(row, c.check.subjects, [global, c.exclusions])) rows.push(row);
    }
    const eventsNote = c.check.needs.events && !c.check.needs.events.optional ? read.snapshot.notes.get('events') : undefined;
    return { status: 'rows', rows, message: [out.message, eventsNote].filter(Boolean).join('; ') || null };
  } catch (error) {
    return { status: 'error', message: `the check failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/**
 * Runs a report: reads every vCenter (in parallel), then runs each enabled check on each snapshot. A check
 * that fails on one vCenter says why without touching the others; a vCenter that cannot be read gets its
 * `error` and its checks say error, as long as another vCenter was read. Throws ReportRunError when none
 * was, or when the run is cancelled.
 */
export async function runReport(input: RunReportInput): Promise<ReportDocument> {
  const started = input.now();
  const t0 = performance.now();
  const registry = input.checks ?? REPORT_CHECKS;
  const { profile, signal } = input;
  const timeouts: CollectTimeouts = { ...DEFAULT_TIMEOUTS, ...input.timeouts };
  const progress = input.onProgress ?? (() => undefined);
  const cancelled = (): ReportRunError => new ReportRunError('cancelled', 'the report was cancelled before it was finished');
  if (signal?.aborted) throw cancelled();

  const enabled: EnabledCheck[] = registry
    .filter((c) => profile.checks[c.id]?.enabled !== false)
    .map((check) => {
      const s = profile.checks[check.id];
      return {
        check,
        thresholds: { ...check.defaults, ...(s?.thresholds ?? {}) },
        exclusions: matchers(s?.exclusions ?? { vms: [], hosts: [], datastores: [] }),
      };
    });
  const plan = buildPlan(enabled);
  const global = matchers(profile.exclusions);

  const reads: VcenterRead[] = await Promise.all(
    input.targets.map(async (target): Promise<VcenterRead> => {
      const client = new VimClient({
        host: target.host,
        port: target.port,
        protocol: target.protocol,
        user: target.user,
        password: target.password,
        tlsFingerprint: target.tlsFingerprint,
        timeoutMs: timeouts.callMs,
      });
      try {
        const got = await collectSnapshot(client, target, {
          plan,
          scope: profile.scope,
          now: started,
          signal,
          timeouts,
          onStep: (step, state, fraction, message) => progress({ vcenter: target.name, step, state, fraction, message }),
        });
        return { target, snapshot: got.snapshot, error: null, timings: got.timings };
      } catch (error) {
        if (signal?.aborted) return { target, snapshot: null, error: { stage: 'cancelled', message: 'cancelled' }, timings: {} };
        const e = classify(error, target);
        progress({ vcenter: target.name, step: 'connect', state: 'failed', fraction: 1, message: e.message });
        return { target, snapshot: null, error: e, timings: {} };
      } finally {
        await client.close().catch(() => undefined);
      }
    }),
  );
  if (signal?.aborted) {
    for (const r of reads) progress({ vcenter: r.target.name, step: 'checks', state: 'cancelled', fraction: 0, message: null });
    throw cancelled();
  }
  const timings: Record<string, number> = {};
  const firstError = reads.find((r) => r.error)?.error;
  if (reads.every((r) => r.snapshot === null)) {
    throw new ReportRunError(firstError?.stage ?? 'connect', reads.map((r) => r.error?.message ?? `${r.target.name}: not read`).join(' | ') || 'no vCenter to read');
  }

  const ntpServers = [...new Set(enabled.flatMap((c) => c.check.needs.probes?.ntp(c.thresholds) ?? []))];
  const firstRead = reads.find((r) => r.snapshot !== null)?.snapshot;
  if (ntpServers.length > 0 && firstRead) {
    const t = performance.now();
    firstRead.ntpProbes = await Promise.all(ntpServers.map((s) => probeNtp(s, timeouts.ntpProbeMs, signal)));
    timings.ntpProbes = Math.round(performance.now() - t);
    if (signal?.aborted) throw cancelled();
  }

  const known = previousKeys(input.previous, registry);
  const checks: ReportCheckResult[] = [];
  const checksStarted = performance.now();
  for (const r of reads) progress({ vcenter: r.target.name, step: 'checks', state: 'running', fraction: 0, message: null });
  for (const c of enabled) {
    const c0 = performance.now();
    const identity = c.check.identity ?? c.check.columns;
    const outcomes = reads.map((r) => ({ r, out: runOne(c, r, global) }));
    const rows = outcomes.flatMap(({ out }) => (out.status === 'rows' ? out.rows : []));
    for (const row of rows) row.isNew = known === null || !known.has(findingKey(c.check.id, row, identity));
    const problems = outcomes.filter(({ out }) => out.status !== 'rows');
    const notes = outcomes.flatMap(({ r, out }) => (out.status === 'rows' && out.message ? [{ r, message: out.message }] : []));
    const multi = reads.length > 1;
    const messages = [...problems.map(({ r, out }) => ({ r, message: out.message ?? '' })), ...notes].map(({ r, message }) =>
      multi ? `${r.target.name}: ${message}` : message,
    );
    // Findings win over a failure elsewhere (the rows must show); the message still says what failed.
    const status: ReportCheckResult['status'] =
      rows.length > 0
        ? 'findings'
        : problems.some(({ out }) => out.status === 'error')
          ? 'error'
          : problems.length > 0 && problems.length === outcomes.length
            ? 'unsupported'
            : 'ok';
    checks.push({
      id: c.check.id,
      title: fillTitle(c.check.title.en, c.thresholds),
      status,
      threshold: Object.keys(c.check.defaults).length > 0 ? c.thresholds : null,
      message: messages.length > 0 ? messages.join('; ') : null,
      durationMs: Math.round((performance.now() - c0) * 1000) / 1000,
      columns: [...c.check.columns],
      rows,
    });
  }
  for (const r of reads) progress({ vcenter: r.target.name, step: 'checks', state: 'done', fraction: 1, message: null });

  for (const r of reads) for (const [k, v] of Object.entries(r.timings)) timings[`${r.target.name}:${k}`] = v;
  timings.checks = Math.round(performance.now() - checksStarted);
  const vcenters: ReportVcenter[] = reads.map((r) => ({
    name: r.target.name,
    version: r.snapshot?.vcenter.version ?? '',
    build: r.snapshot?.vcenter.build ?? '',
    summary: r.snapshot ? summarize(r.snapshot) : { ...EMPTY_SUMMARY },
    error: r.error?.message ?? null,
  }));
  return {
    id: reportId(profile.name, started),
    profile: profile.name,
    generatedAt: new Date(started).toISOString(),
    durationMs: Math.round(performance.now() - t0),
    language: profile.language,
    vcenters,
    summary: addSummaries(vcenters.map((v) => v.summary)),
    checks,
    timings,
  };
}
