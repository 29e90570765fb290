import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { ReportProfileSchema, type ReportDocument, type ReportProfile } from '../../shared/contract/report';
import type { ReportMail } from '../../shared/contract/report-schedule';
import type { MailAttachment } from '../core/mail/mailer';
import { composeFailureMail, composeReportMail } from '../core/mail/report-mail';
import { snapshotOwnerMails, unresolvedBlock } from '../core/mail/snapshot-owners';
import { REPORT_CHECKS } from '../core/report/checks/index';
import { chromiumPdf } from '../core/report/render/chromium-pdf';
import { exportReport } from '../core/report/report-service-impl';
import { parseSettingsDocument } from '../core/settings/schema';
import { addSmtpOptions, mailerFromOptions, MailUsageError, parseAddresses } from './mail-options';
import { defaultDataDir } from './serve-data-dir';

/** `vigie report --mail [--to a,b] [--cc c] [--pdf]` plus the SMTP options of mail-test. */
export function addReportMailOptions(cmd: Command): Command {
  return addSmtpOptions(
    cmd
      .option('--mail', 'mail the report (to --to, else the profile\'s recipients) through the SMTP settings or --smtp')
      .option('--to <addresses>', 'with --mail: recipients, comma-separated')
      .option('--cc <addresses>', 'with --mail: copy recipients, comma-separated')
      .option('--pdf', 'with --mail: attach the PDF'),
  );
}

const RawSchema = z.object({
  mail: z.boolean().optional(),
  to: z.string().optional(),
  cc: z.string().optional(),
  pdf: z.boolean().optional(),
  profile: z.string().optional(),
  data: z.string().optional(),
  chromium: z.string().optional(),
});

export const wantsMail = (raw: unknown): boolean => RawSchema.safeParse(raw).data?.mail === true;

/** The profile as saved in the data folder, for its recipients and snapshot-owner settings. */
function savedProfile(dataDir: string, name: string): ReportProfile | null {
  try {
    const parsed = parseSettingsDocument(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) as unknown);
    if (!parsed.ok) return null;
    return parsed.settings.reportProfiles.find((p) => p.name === name) ?? null;
  } catch {
    return null;
  }
}

/**
 * Mails a report the command made. Throws a MailError (exit 1, one line) when the server did not take it;
 * a MailUsageError (exit 2) for a command-line mistake. Returns the line to print on success.
 */
export async function mailReport(raw: unknown, doc: ReportDocument): Promise<string> {
  const o = RawSchema.parse(raw);
  const dataDir = resolve(o.data ?? defaultDataDir());
  const saved = o.profile ? savedProfile(dataDir, o.profile) : null;
  const fromProfile = saved?.mail;
  const to = o.to ? parseAddresses(o.to) : fromProfile?.to;
  if (!to?.length) throw new MailUsageError('--mail needs --to ADDRESS (or a profile with recipients)');
  const mail: ReportMail = {
    to,
    cc: o.cc ? parseAddresses(o.cc, '--cc') : (fromProfile?.cc ?? []),
    pdf: o.pdf ?? fromProfile?.pdf ?? false,
    skipWhenClean: false,
    snapshotOwners: fromProfile?.snapshotOwners ?? { enabled: false, addresses: {}, domain: null },
  };
  const profile = ReportProfileSchema.parse({ name: doc.profile, vcenters: saved?.vcenters ?? ['cli'], schedule: saved?.schedule, mail });
  const { mailer, choice } = await mailerFromOptions(raw);
  const pdfRenderer = chromiumPdf({ executablePath: o.chromium ?? null });
  const html = new TextDecoder().decode((await exportReport(doc, 'html', { checks: REPORT_CHECKS })).data);
  let pdf: MailAttachment | null = null;
  if (mail.pdf) {
    const out = await exportReport(doc, 'pdf', { checks: REPORT_CHECKS, pdf: pdfRenderer });
    pdf = { filename: out.filename, contentType: out.mime, content: out.data };
  }
  const owners = mail.snapshotOwners.enabled ? snapshotOwnerMails(doc, mail.snapshotOwners) : { mails: [], unresolved: [] };
  const info = await mailer.send(composeReportMail({ profile, doc, html, pdf, extra: unresolvedBlock(owners.unresolved) }));
  for (const m of owners.mails) await mailer.send(m);
  const refused = info.rejected.length ? ` (refused: ${info.rejected.join(', ')})` : '';
  return `report mailed to ${info.accepted.join(', ')}${refused} via ${choice.settings.host}:${choice.settings.port}${owners.mails.length ? `, and ${owners.mails.length} snapshot owner(s)` : ''}`;
}

/** A report the command could not make is mailed too (when --mail): silence would read as "no problems". */
export async function mailFailure(raw: unknown, error: unknown): Promise<string> {
  const o = RawSchema.parse(raw);
  const dataDir = resolve(o.data ?? defaultDataDir());
  const saved = o.profile ? savedProfile(dataDir, o.profile) : null;
  const to = o.to ? parseAddresses(o.to) : saved?.mail?.to;
  if (!to?.length) throw new MailUsageError('--mail needs --to ADDRESS (or a profile with recipients)');
  const cc = o.cc ? parseAddresses(o.cc, '--cc') : (saved?.mail?.cc ?? []);
  const profile = ReportProfileSchema.parse({
    name: o.profile ?? 'vcenter',
    vcenters: ['cli'],
    schedule: saved?.schedule,
    mail: { to, cc },
  });
  const { mailer } = await mailerFromOptions(raw);
  const info = await mailer.send(composeFailureMail(profile, error, Date.now()));
  return `failure mailed to ${info.accepted.join(', ')}`;
}
