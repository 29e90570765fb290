import type { ParsedReq, Res } from '../../src/shared/contract/api';
import { VigieError } from '../../src/shared/contract/envelope';
import {
  ReportProfileSchema,
  ReportStepSchema,
  type ReportCheckInfo,
  type ReportDocument,
  type ReportProfile,
  type ReportProgress,
} from '../../src/shared/contract/report';
import { HOSTILE } from './random';

type R = 'reports:checks' | 'reports:profiles' | 'reports:save-profile' | 'reports:remove-profile' | 'reports:start';
type R2 = 'reports:cancel' | 'reports:history' | 'reports:get' | 'reports:html' | 'reports:export';
export type FakeReportHandlers = { [K in R | R2]: (req: ParsedReq<K>) => Res<K> };

const CHECKS: ReportCheckInfo[] = [
  {
    id: 'snapshots-old',
    title: { en: 'Snapshots older than {days} days', fr: 'Instantanés de plus de {days} jours' },
    defaults: { days: 14 },
    columns: ['vm', 'name', 'daysOld', 'creator', 'created', 'description', 'sizeGB'],
  },
  {
    id: 'datastores-low-free',
    title: { en: 'Datastores under {percentFree} % free', fr: 'Banques de données sous {percentFree} % libres' },
    defaults: { percentFree: 5 },
    columns: ['datastore', 'type', 'capacityMB', 'freeMB', 'percentFree'],
  },
  {
    id: 'ntp',
    title: { en: 'NTP', fr: 'NTP' },
    defaults: { servers: [], maxSkewSeconds: 5 },
    columns: ['host', 'ntpServers', 'serviceRunning', 'skewSeconds', 'problem'],
  },
  { id: 'hosts-maintenance', title: { en: 'Hosts in maintenance', fr: 'Hôtes en maintenance' }, defaults: {}, columns: ['host', 'cluster'] },
];

const esc = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Reports for the fake core: profiles in memory, a run that steps through every stage per vCenter on a timer
 * (so the UI's progress bars, Cancel and history can be exercised without a vCenter), and documents whose
 * findings carry a hostile VM name.
 */
export function fakeReports(
  emit: (p: ReportProgress) => void,
  deviceName: (id: string) => string,
  stepMs = 120,
): FakeReportHandlers {
  const profiles = new Map<string, ReportProfile>();
  const docs: ReportDocument[] = [];
  const runs = new Map<string, { cancelled: boolean }>();
  let nextRun = 1;

  const makeDoc = (p: ReportProfile): ReportDocument => {
    const at = new Date();
    const doc: ReportDocument = {
      id: `${p.name}-${at.toISOString().replace(/[-:.]/g, '')}`,
      profile: p.name,
      generatedAt: at.toISOString(),
      durationMs: 1234,
      language: p.language,
      vcenters: p.vcenters.map((id) => ({
        name: deviceName(id),
        version: '8.0.2',
        build: '22385739',
        summary: { hosts: 4, vms: 12, vmsPoweredOn: 9, vmsPoweredOff: 2, vmsSuspended: 1, templates: 1, clusters: 1, datastores: 3 },
        error: null,
      })),
      summary: { hosts: 4, vms: 12, vmsPoweredOn: 9, vmsPoweredOff: 2, vmsSuspended: 1, templates: 1, clusters: 1, datastores: 3 },
      checks: [
        {
          id: 'snapshots-old',
          title: 'Snapshots older than 14 days',
          status: 'findings',
          threshold: { days: 14 },
          message: null,
          durationMs: 3,
          columns: ['vm', 'name', 'daysOld'],
          rows: [
            { severity: 'warning', isNew: true, vcenter: 'vc', vm: HOSTILE, name: 'before upgrade', daysOld: 40 },
          ],
        },
      ],
      timings: { connect: 10, inventory: 200, render: 30 },
    };
    return doc;
  };

  return {
    'reports:checks': () => CHECKS,
    'reports:profiles': () => [...profiles.values()],
    'reports:save-profile': ({ profile, previousName }) => {
      if (previousName && previousName !== profile.name) profiles.delete(previousName);
      const saved = ReportProfileSchema.parse(profile);
      profiles.set(saved.name, saved);
      return saved;
    },
    'reports:remove-profile': ({ name }) => ({ removed: profiles.delete(name) }),
    'reports:start': ({ profile: name }) => {
      const p = profiles.get(name);
      if (!p) throw new VigieError('not_found', `No report profile ${name}`);
      const runId = `run-${nextRun++}`;
      const run = { cancelled: false };
      runs.set(runId, run);
      const steps = ReportStepSchema.options.filter((s) => s !== 'render');
      const plan: Omit<ReportProgress, 'runId' | 'profile'>[] = [];
      for (const vc of p.vcenters)
        for (const step of steps) {
          plan.push({ vcenter: deviceName(vc), step, fraction: 0.5, state: 'running', message: null });
          plan.push({ vcenter: deviceName(vc), step, fraction: 1, state: 'running', message: null });
        }
      plan.push({ vcenter: null, step: 'render', fraction: 1, state: 'done', message: null });
      let i = 0;
      const tick = (): void => {
        const next = plan[i++];
        if (!next) return;
        if (run.cancelled) {
          emit({ ...next, runId, profile: name, state: 'cancelled', fraction: next.fraction });
          return;
        }
        if (next.state === 'done') docs.unshift(makeDoc(p));
        emit({ ...next, runId, profile: name });
        setTimeout(tick, stepMs);
      };
      setTimeout(tick, stepMs);
      return { runId };
    },
    'reports:cancel': ({ runId }) => {
      const run = runs.get(runId);
      if (!run) return { cancelled: false };
      run.cancelled = true;
      return { cancelled: true };
    },
    'reports:history': ({ profile }) =>
      docs
        .filter((d) => !profile || d.profile === profile)
        .slice(0, 30)
        .map((d) => ({
          id: d.id,
          profile: d.profile,
          generatedAt: d.generatedAt,
          findings: { warning: 1, critical: 0 },
          checksFailed: 0,
        })),
    'reports:get': ({ id }) => {
      const d = docs.find((x) => x.id === id);
      if (!d) throw new VigieError('not_found', `No report with id ${id}`);
      return d;
    },
    'reports:html': ({ id }) => {
      const d = docs.find((x) => x.id === id);
      if (!d) throw new VigieError('not_found', `No report with id ${id}`);
      const rows = d.checks.flatMap((c) => c.rows.map((r) => `<tr><td>${esc(String(r.vm))}</td></tr>`)).join('');
      return { html: `<!doctype html><html><body><h1>${esc(d.profile)}</h1><table>${rows}</table></body></html>` };
    },
    'reports:export': ({ id, format }) => {
      const d = docs.find((x) => x.id === id);
      if (!d) throw new VigieError('not_found', `No report with id ${id}`);
      const text = format === 'json' ? JSON.stringify(d) : format === 'csv' ? 'check,severity,isNew,vcenter,vm\n' : '%PDF-1.4\n';
      return {
        filename: `${d.id}.${format}`,
        mime: format === 'pdf' ? 'application/pdf' : 'text/plain',
        base64: Buffer.from(text).toString('base64'),
      };
    },
  };
}
