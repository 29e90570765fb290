import { randomUUID } from 'node:crypto';
import { VigieError } from '../../../shared/contract/envelope';
import {
  ReportProfileSchema,
  type ReportCheckInfo,
  type ReportDocument,
  type ReportFormat,
  type ReportHistoryEntry,
  type ReportProfile,
  type ReportProfileInput,
  type ReportProgress,
} from '../../../shared/contract/report';
import type { DeviceConfig, DeviceSecret } from '../../../shared/contract/devices';
import type { Clock, Logger } from '../ports';
import { scheduleProblem } from '../schedule/next-run';
import type { SettingsStore } from '../settings/settings-store';
import type { ReportCheck } from './check';
import type { ReportHistory } from './history';
import { renderCheckCsv, renderCombinedCsv } from './render/csv';
import { renderReportHtml, type ReportCheckMeta } from './render/html';
import type { PdfRenderer } from './render/pdf';
import type { ReportRunner } from './report-runner';
import { ReportRunError, type ReportTarget } from './run-report';
import type { ReportExport, ReportService } from './report-service';

export interface ReportServiceDeps {
  settings: SettingsStore;
  /** The inventory: the profile's vCenters and their stored credentials. */
  devices: { find(id: string): DeviceConfig | undefined; secret(id: string): Promise<DeviceSecret | null> };
  history: ReportHistory;
  runner: ReportRunner;
  pdf: PdfRenderer;
  checks: readonly Pick<ReportCheck, 'id' | 'title' | 'columnLabels' | 'defaults' | 'columns'>[];
  clock: Clock;
  log: Logger;
}

interface Running {
  runId: string;
  profile: string;
  controller: AbortController;
}

const stamp = (iso: string): string => iso.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');

/**
 * The daily report as the app uses it: profiles in the settings document, one run at a time per profile,
 * progress to subscribers, the result kept in the history and exported in four formats.
 */
export class ReportServiceImpl implements ReportService {
  private readonly running = new Map<string, Running>();
  private readonly listeners = new Set<(p: ReportProgress) => void>();

  constructor(private readonly deps: ReportServiceDeps) {}

  checks(): ReportCheckInfo[] {
    return this.deps.checks.map((c) => ({
      id: c.id,
      title: { ...c.title },
      defaults: { ...c.defaults },
      columns: [...c.columns],
    }));
  }

  profiles(): ReportProfile[] {
    return this.deps.settings.get().reportProfiles;
  }

  private profile(name: string): ReportProfile {
    const p = this.profiles().find((x) => x.name === name);
    if (!p) throw new VigieError('not_found', `No report profile named "${name}"`);
    return p;
  }

  saveProfile(input: ReportProfileInput, previousName?: string): ReportProfile {
    const parsed = ReportProfileSchema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new VigieError(
        'invalid_request',
        `Report profile: ${issue?.path.join('.') || 'profile'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const profile = parsed.data;
    // The schema only bounds the expression's length: a pattern croner refuses would be saved and never run.
    const cronProblem = profile.schedule ? scheduleProblem(profile.schedule) : null;
    if (cronProblem) {
      const field = profile.schedule?.kind === 'cron' ? 'schedule.expression' : 'schedule.time';
      throw new VigieError('invalid_request', `Report profile: ${field}: ${cronProblem}`, [{ path: field, message: cronProblem }]);
    }
    for (const id of profile.vcenters) {
      const d = this.deps.devices.find(id);
      if (!d || d.kind !== 'vsphere')
        throw new VigieError('invalid_request', `Report profile: ${id} is not a vCenter of the inventory`);
    }
    const existing = this.profiles();
    const replacing = previousName ?? profile.name;
    if (previousName !== undefined && !existing.some((p) => p.name === previousName)) {
      throw new VigieError('not_found', `No report profile named "${previousName}"`);
    }
    if (profile.name !== replacing && existing.some((p) => p.name === profile.name)) {
      throw new VigieError('conflict', `A report profile named "${profile.name}" already exists`);
    }
    if (this.running.has(replacing) && profile.name !== replacing) {
      throw new VigieError('conflict', `"${replacing}" is running: rename it when the run is over`);
    }
    this.deps.settings.update((s) => {
      const at = s.reportProfiles.findIndex((p) => p.name === replacing);
      const reportProfiles =
        at >= 0 ? s.reportProfiles.map((p, i) => (i === at ? profile : p)) : [...s.reportProfiles, profile];
      return { ...s, reportProfiles };
    });
    return profile;
  }

  removeProfile(name: string): boolean {
    if (!this.profiles().some((p) => p.name === name)) return false;
    for (const r of this.running.values())
      if (r.profile === name) r.controller.abort(new Error('profile removed'));
    this.deps.settings.update((s) => ({
      ...s,
      reportProfiles: s.reportProfiles.filter((p) => p.name !== name),
    }));
    return true;
  }

  onProgress(listener: (p: ReportProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(p: ReportProgress): void {
    for (const l of this.listeners) {
      try {
        l(p);
      } catch (error) {
        this.deps.log.warn('report progress listener failed', { error: String(error) });
      }
    }
  }

  start(profileName: string): { runId: string } {
    const runId = randomUUID();
    const controller = new AbortController();
    // Claims the profile synchronously: a second start() in the same tick sees it as running.
    const done = this.execute(profileName, runId, controller);
    done.catch(() => undefined);
    return { runId };
  }

  async run(profileName: string, signal?: AbortSignal): Promise<ReportDocument> {
    const controller = new AbortController();
    if (signal) {
      if (signal.aborted) controller.abort(signal.reason);
      else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true });
    }
    return await this.execute(profileName, randomUUID(), controller);
  }

  cancel(runId: string): boolean {
    for (const r of this.running.values()) {
      if (r.runId === runId) {
        r.controller.abort(new Error('cancelled'));
        return true;
      }
    }
    return false;
  }

  private execute(profileName: string, runId: string, controller: AbortController): Promise<ReportDocument> {
    const profile = this.profile(profileName);
    if (this.running.has(profile.name))
      throw new VigieError('conflict', `The report "${profile.name}" is already running`);
    this.running.set(profile.name, { runId, profile: profile.name, controller });
    const base = { runId, profile: profile.name };
    const work = async (): Promise<ReportDocument> => {
      const targets = await this.targets(profile);
      const last = this.deps.history.list(profile.name)[0];
      const previous = last ? this.deps.history.get(last.id) : null;
      const doc = await this.deps.runner({
        profile,
        targets,
        previous,
        now: () => this.deps.clock.now(),
        signal: controller.signal,
        onProgress: (p) => this.emit({ ...base, ...p }),
      });
      if (controller.signal.aborted)
        throw controller.signal.reason instanceof Error ? controller.signal.reason : new Error('cancelled');
      this.emit({ ...base, vcenter: null, step: 'render', fraction: 0, state: 'running', message: null });
      const kept = this.deps.history.save(doc, (d) => renderReportHtml(d, { checks: this.deps.checks }));
      this.emit({ ...base, vcenter: null, step: 'render', fraction: 1, state: 'done', message: kept.id });
      this.deps.log.info('report made', { profile: profile.name, id: kept.id, durationMs: kept.durationMs });
      return kept;
    };
    return work()
      .catch((error: unknown) => {
        const cancelled = controller.signal.aborted;
        const message = error instanceof Error ? error.message : String(error);
        this.emit({
          ...base,
          vcenter: null,
          step: 'render',
          fraction: 0,
          state: cancelled ? 'cancelled' : 'failed',
          message: cancelled ? null : message,
        });
        if (!cancelled) this.deps.log.warn('report failed', { profile: profile.name, error: message });
        throw error;
      })
      .finally(() => this.running.delete(profile.name));
  }

  /** The profile's vCenters with their keychain passwords (never logged, never kept). */
  private async targets(profile: ReportProfile): Promise<ReportTarget[]> {
    const out: ReportTarget[] = [];
    for (const id of profile.vcenters) {
      const device = this.deps.devices.find(id);
      if (!device?.vsphere)
        throw new VigieError(
          'not_found',
          `The vCenter ${id} of "${profile.name}" is no longer in the inventory`,
        );
      const password = (await this.deps.devices.secret(id))?.password;
      if (!password)
        throw new ReportRunError(
          'auth',
          `${device.name}: no password stored for this vCenter; enter it in the device's settings`,
        );
      out.push({
        name: device.name,
        host: device.host,
        port: device.port,
        user: device.vsphere.user,
        password,
        tlsFingerprint: device.vsphere.tlsFingerprint,
      });
    }
    return out;
  }

  history(profileName?: string): ReportHistoryEntry[] {
    return this.deps.history.list(profileName);
  }

  get(id: string): ReportDocument | null {
    return this.deps.history.get(id);
  }

  html(id: string, language?: 'en' | 'fr'): string | null {
    const doc = this.deps.history.get(id);
    if (!doc) return null;
    if (!language || language === doc.language)
      return this.deps.history.html(id) ?? renderReportHtml(doc, { checks: this.deps.checks });
    return renderReportHtml(doc, { language, checks: this.deps.checks });
  }

  async export(id: string, format: ReportFormat, checkId?: string): Promise<ReportExport> {
    const doc = this.deps.history.get(id);
    if (!doc) throw new VigieError('not_found', `No kept report ${id}`);
    return exportReport(doc, format, { checkId, checks: this.deps.checks, pdf: this.deps.pdf });
  }
}

/** One document in one format, as bytes and a file name: shared by the service and the CLI. */
export async function exportReport(
  doc: ReportDocument,
  format: ReportFormat,
  options: {
    checkId?: string | undefined;
    language?: 'en' | 'fr';
    checks?: readonly ReportCheckMeta[];
    pdf?: PdfRenderer;
    signal?: AbortSignal;
  },
): Promise<ReportExport> {
  const name = `vigie-report-${doc.profile.replace(/[^A-Za-z0-9_.-]+/g, '_')}-${stamp(doc.generatedAt)}`;
  const text = (s: string): Uint8Array => new TextEncoder().encode(s);
  const htmlOf = (): string =>
    renderReportHtml(doc, {
      ...(options.language ? { language: options.language } : {}),
      ...(options.checks ? { checks: options.checks } : {}),
    });
  switch (format) {
    case 'json':
      return {
        filename: `${name}.json`,
        mime: 'application/json',
        data: text(`${JSON.stringify(doc, null, 2)}\n`),
      };
    case 'html':
      return { filename: `${name}.html`, mime: 'text/html; charset=utf-8', data: text(htmlOf()) };
    case 'pdf': {
      if (!options.pdf) throw new VigieError('unavailable', 'PDF export is not available here');
      return {
        filename: `${name}.pdf`,
        mime: 'application/pdf',
        data: await options.pdf.render(htmlOf(), options.signal),
      };
    }
    case 'csv': {
      if (options.checkId === undefined)
        return {
          filename: `${name}.csv`,
          mime: 'text/csv; charset=utf-8',
          data: text(renderCombinedCsv(doc)),
        };
      const check = doc.checks.find((c) => c.id === options.checkId);
      if (!check) throw new VigieError('not_found', `The report has no check ${options.checkId}`);
      return {
        filename: `${name}-${check.id}.csv`,
        mime: 'text/csv; charset=utf-8',
        data: text(renderCheckCsv(check)),
      };
    }
  }
}
