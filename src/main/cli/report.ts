import type { Command } from 'commander';
import type { Logger } from '../core/ports';
import { entryOf } from '../core/report/history';
import { PdfUnavailableError } from '../core/report/render/pdf';
import { ReportRunError } from '../core/report/run-report';
import { parseReportOptions, ReportUsageError, type ReportConfig } from './report-options';
import { runReportCommand } from './report-run';
import { MailError } from '../core/mail/mailer';
import { MailUsageError } from './mail-options';
import { mailFailure, mailReport, wantsMail } from './report-mail';

const stderrLog: Logger = {
  info: () => undefined,
  warn: (message) => process.stderr.write(`vigie report: ${message}\n`),
  error: (message) => process.stderr.write(`vigie report: ${message}\n`),
};

const FINGERPRINT = /([0-9A-F]{2}(?::[0-9A-F]{2}){31})/;

/** One line that says what failed and how to fix it. */
export function reportFailure(error: unknown, config: ReportConfig | null): string {
  if (error instanceof ReportRunError && error.stage === 'tls' && config?.mode === 'vcenter') {
    const fp = FINGERPRINT.exec(error.message)?.[1];
    if (fp)
      return `${config.target.host}: certificate not trusted, SHA-256 fingerprint ${fp}; if it is your vCenter's, run again with --trust-fingerprint ${fp}`;
  }
  if (error instanceof ReportRunError) return `no report (${error.stage}): ${error.message}`;
  if (error instanceof PdfUnavailableError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * `vigie report`: the daily report for cron and appliances. Exit codes: 0 a report was produced (findings or
 * not), 1 it could not be (the line says why), 2 bad command line.
 */
export function registerReportCommand(program: Command): Command {
  return program
    .command('report')
    .description(
      'Make the vCenter health report once: from a profile of the data folder, or from one vCenter',
    )
    .option(
      '--profile <name>',
      'a report profile of the console (its vCenters and stored passwords); the report is kept in its history',
    )
    .option('--data <dir>', 'data folder of --profile (default: $VIGIE_DATA or ~/.local/share/vigie)')
    .option('--secrets <backend>', 'where --profile finds passwords: keychain or file', 'keychain')
    .option('--vcenter <url>', 'vCenter or ESXi to report on (https://host[:port])')
    .option('--user <name>', 'user name for --vcenter')
    .option('--password-env <VAR>', 'environment variable holding the password for --vcenter')
    .option(
      '--trust-fingerprint <sha256>',
      "accept this certificate (SHA-256, AA:BB:...) when the system does not trust the vCenter's",
    )
    .option('--format <format>', 'html, pdf, json or csv (all checks in one CSV)', 'html')
    .option('--out <file>', 'write the report there (default: standard output)')
    .option('--lang <language>', "language of the report: en or fr (default: the profile's, else en)")
    .option(
      '--chromium <path>',
      'browser used to print the PDF (default: $VIGIE_CHROMIUM, else chromium/chrome found on the system)',
    )
    .action(async (raw: unknown) => {
      process.exitCode = await reportAction(raw);
    });
}

export async function reportAction(raw: unknown): Promise<number> {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort(new Error('interrupted'));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let config: ReportConfig | null = null;
  try {
    config = parseReportOptions(raw);
    const { doc, file } = await runReportCommand(config, stderrLog, controller.signal);
    if (wantsMail(raw)) process.stderr.write(`vigie report: ${await mailReport(raw, doc)}\n`);
    if (config.out) {
      const e = entryOf(doc);
      process.stderr.write(
        `vigie report: ${config.out} written (${file.data.length} bytes): ${e.findings.critical} critical, ${e.findings.warning} warning, ${e.checksFailed} check(s) could not run\n`,
      );
    }
    return 0;
  } catch (error) {
    process.stderr.write(`vigie report: ${reportFailure(error, config)}\n`);
    if (error instanceof MailUsageError) return 2;
    // The report itself failed: with --mail its failure is mailed (a mail error is not mailed again).
    if (wantsMail(raw) && config && !(error instanceof MailError)) {
      await mailFailure(raw, error).then(
        (line) => process.stderr.write(`vigie report: ${line}\n`),
        (e: unknown) => process.stderr.write(`vigie report: the failure could not be mailed: ${(e as Error).message}\n`),
      );
    }
    return error instanceof ReportUsageError ? 2 : 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
