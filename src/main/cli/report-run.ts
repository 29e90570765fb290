import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ReportProfileSchema, type ReportDocument } from '../../shared/contract/report';
import { DeviceRegistry } from '../core/inventory/device-registry';
import { systemClock, type Logger } from '../core/ports';
import { REPORT_CHECKS } from '../core/report/checks/index';
import { ReportHistory } from '../core/report/history';
import { chromiumPdf, findChromium } from '../core/report/render/chromium-pdf';
import type { ReportExport } from '../core/report/report-service';
import { exportReport, ReportServiceImpl } from '../core/report/report-service-impl';
import { runReport } from '../core/report/run-report';
import { secretStoreFor } from '../core/secrets/secret-store-for';
import { openDataFolderSettings } from '../core/settings/data-folder-settings';
import { scheduleProblem } from '../core/schedule/next-run';
import type { ReportConfig } from './report-options';
import { defaultDataDir } from './serve-data-dir';

export interface ReportOutcome {
  doc: ReportDocument;
  file: ReportExport;
}

/** A profile of the console's data folder: its vCenters, their keychain passwords; the report is kept. */
async function runProfile(
  config: Extract<ReportConfig, { mode: 'profile' }>,
  log: Logger,
  signal: AbortSignal,
): Promise<ReportDocument> {
  const dataDir = config.dataDir ?? defaultDataDir();
  const settings = openDataFolderSettings(dataDir, log);
  const secrets = secretStoreFor(config.secrets, dataDir);
  const reports = new ReportServiceImpl({
    settings,
    devices: new DeviceRegistry(settings, secrets, systemClock),
    history: new ReportHistory(join(dataDir, 'reports'), log),
    runner: runReport,
    pdf: chromiumPdf({ executablePath: config.chromium }),
    checks: REPORT_CHECKS,
    clock: systemClock,
    log,
  });
  if (!reports.profiles().some((p) => p.name === config.profile)) {
    const known = reports.profiles().map((p) => p.name);
    throw new Error(
      `no report profile "${config.profile}" in ${dataDir}${known.length ? ` (profiles: ${known.join(', ')})` : ' (it has none)'}`,
    );
  }
  // Saving refuses such a pattern now, but a settings file from before (or edited by hand) may hold one.
  const schedule = reports.profiles().find((p) => p.name === config.profile)?.schedule;
  const problem = schedule ? scheduleProblem(schedule) : null;
  if (problem) log.warn(`profile "${config.profile}": ${schedule?.kind === 'cron' ? 'schedule.expression' : 'schedule.time'}: ${problem}: it never runs by itself (this run goes on)`);
  return reports.run(config.profile, signal);
}

/** Runs the report the command line asks for and exports it; throws what the caller prints in one line. */
export async function runReportCommand(
  config: ReportConfig,
  log: Logger,
  signal: AbortSignal,
): Promise<ReportOutcome> {
  // No browser to print with: say so before minutes of collection, not after.
  if (config.format === 'pdf') findChromium(config.chromium);
  let doc: ReportDocument;
  if (config.mode === 'profile') {
    doc = await runProfile(config, log, signal);
  } else {
    const profile = ReportProfileSchema.parse({
      name: 'vcenter',
      vcenters: ['cli'],
      language: config.language ?? 'en',
    });
    doc = await runReport({
      profile,
      targets: [config.target],
      previous: null,
      now: () => Date.now(),
      signal,
    });
  }
  const file = await exportReport(doc, config.format, {
    ...(config.language ? { language: config.language } : {}),
    checks: REPORT_CHECKS,
    pdf: chromiumPdf({ executablePath: config.chromium }),
    signal,
  });
  if (config.out) writeFileSync(config.out, file.data);
  else process.stdout.write(file.data);
  return { doc, file };
}
