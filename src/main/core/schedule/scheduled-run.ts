import type { ReportProfile } from '../../../shared/contract/report';
import type { MailAttachment, OutgoingMail } from '../mail/mailer';
import { composeFailureMail, composeReportMail, countFindings, isClean } from '../mail/report-mail';
import { snapshotOwnerMails, unresolvedBlock } from '../mail/snapshot-owners';
import type { Clock, Logger } from '../ports';
import type { ReportService } from '../report/report-service';

/** Where mails go: the Outbox in the app (kept and retried), the Mailer directly in the CLI. */
export type MailSink = (mail: OutgoingMail) => Promise<unknown>;

export interface RunAndMailDeps {
  reports: ReportService;
  send: MailSink;
  clock: Clock;
  log: Logger;
}

export interface RunAndMailResult {
  reportId: string | null;
  /** What was handed to `send`: the report (or failure) mail first, then the owners' mails. */
  mailed: OutgoingMail[];
}

/**
 * One scheduled (or `--mail`) run of a profile: make the report through the ReportService, mail it as the
 * profile says (HTML body, optional PDF, skipped when clean if asked), mail each old snapshot's creator,
 * and mail the failure when the report could not be made. Works with any ReportService implementation.
 */
export async function runAndMail(d: RunAndMailDeps, profile: ReportProfile, signal?: AbortSignal): Promise<RunAndMailResult> {
  const mailed: OutgoingMail[] = [];
  const send = async (mail: OutgoingMail): Promise<void> => {
    mailed.push(mail);
    await d.send(mail);
  };
  let docId: string | null = null;
  try {
    const doc = await d.reports.run(profile.name, signal);
    docId = doc.id;
    const mail = profile.mail;
    if (!mail) return { reportId: doc.id, mailed };
    const counts = countFindings(doc);
    const owners = mail.snapshotOwners.enabled ? snapshotOwnerMails(doc, mail.snapshotOwners) : { mails: [], unresolved: [] };
    if (isClean(counts) && mail.skipWhenClean) {
      d.log.info('report without findings not mailed (profile skips clean reports)', { profile: profile.name, report: doc.id });
    } else {
      const html = d.reports.html(doc.id) ?? `<!doctype html><html><body><p>Report ${doc.id}</p></body></html>`;
      let pdf: MailAttachment | null = null;
      let pdfNote = { text: '', html: '' };
      if (mail.pdf) {
        try {
          const out = await d.reports.export(doc.id, 'pdf');
          pdf = { filename: out.filename, contentType: out.mime, content: out.data };
        } catch (error) {
          // The HTML body carries the report anyway: say why the PDF is missing rather than send nothing.
          const why = (error as Error).message;
          d.log.warn('report PDF could not be made; mailing the HTML only', { profile: profile.name, error: why });
          pdfNote = { text: `\nThe PDF could not be made: ${why}\n`, html: '' };
        }
      }
      const extra = unresolvedBlock(owners.unresolved);
      await send(composeReportMail({ profile, doc, html, pdf, extra: { text: extra.text + pdfNote.text, html: extra.html } }));
    }
    for (const m of owners.mails) await send(m);
    return { reportId: doc.id, mailed };
  } catch (error) {
    if (docId !== null || !profile.mail) throw error;
    d.log.error('report failed; mailing the failure', { profile: profile.name, error: (error as Error).message });
    await send(composeFailureMail(profile, error, d.clock.now()));
    return { reportId: null, mailed };
  }
}
