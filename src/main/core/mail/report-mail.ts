import type { ReportDocument, ReportProfile } from '../../../shared/contract/report';
import type { MailAttachment, OutgoingMail } from './mailer';

export interface FindingCounts {
  critical: number;
  warning: number;
  /** Checks that could not run (error): a report with these is not "no problems". */
  failed: number;
}

export function countFindings(doc: ReportDocument): FindingCounts {
  const counts: FindingCounts = { critical: 0, warning: 0, failed: 0 };
  for (const check of doc.checks) {
    if (check.status === 'error') counts.failed += 1;
    for (const row of check.rows) counts[row.severity] += 1;
  }
  counts.failed += doc.vcenters.filter((v) => v.error !== null).length;
  return counts;
}

export const isClean = (c: FindingCounts): boolean => c.critical === 0 && c.warning === 0 && c.failed === 0;

/** YYYY-MM-DD of an instant in a time zone (the schedule's, else the machine's). */
export function localDate(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}

/** "Vigie report Daily — 2026-12-03 — 2 critical, 5 warning" ("no problems" when clean); sortable in any inbox. */
export function reportSubject(doc: ReportDocument, timeZone?: string): string {
  const c = countFindings(doc);
  const parts = isClean(c)
    ? ['no problems']
    : [`${c.critical} critical`, `${c.warning} warning`, ...(c.failed ? [`${c.failed} check${c.failed > 1 ? 's' : ''} failed`] : [])];
  return `Vigie report ${doc.profile} — ${localDate(doc.generatedAt, timeZone)} — ${parts.join(', ')}`;
}

function textSummary(doc: ReportDocument): string {
  const lines = doc.checks
    .filter((c) => c.rows.length || c.status === 'error')
    .map((c) => `- ${c.title}: ${c.status === 'error' ? `could not run (${c.message ?? 'error'})` : `${c.rows.length}`}`);
  const c = countFindings(doc);
  return [
    `Vigie report ${doc.profile}, ${doc.generatedAt}: ${c.critical} critical, ${c.warning} warning.`,
    ...doc.vcenters.map((v) => `vCenter ${v.name}${v.error ? `: not read (${v.error})` : ''}`),
    '',
    ...(lines.length ? lines : ['No problems found.']),
    '',
    'The full report is the HTML part of this mail.',
  ].join('\n');
}

/** The report mail: the report's own HTML as body (it is self-contained, inline styles), a text summary, the PDF. */
export function composeReportMail(input: {
  profile: ReportProfile;
  doc: ReportDocument;
  html: string;
  pdf: MailAttachment | null;
  extra?: { text: string; html: string };
}): OutgoingMail {
  const mail = input.profile.mail!;
  let html = input.html;
  if (input.extra?.html) html = html.includes('</body>') ? html.replace('</body>', `${input.extra.html}</body>`) : html + input.extra.html;
  return {
    to: mail.to,
    cc: mail.cc,
    subject: reportSubject(input.doc, input.profile.schedule?.timezone),
    text: textSummary(input.doc) + (input.extra?.text ?? ''),
    html,
    attachments: input.pdf ? [input.pdf] : [],
  };
}

/** A run that failed is mailed to the same people: silence would look like "no problems". */
export function composeFailureMail(profile: ReportProfile, error: unknown, at: number): OutgoingMail {
  const reason = error instanceof Error ? error.message : String(error);
  const when = new Date(at).toISOString();
  return {
    to: profile.mail!.to,
    cc: profile.mail!.cc,
    subject: `Vigie report ${profile.name} — ${localDate(when, profile.schedule?.timezone)} — FAILED`,
    text: `The scheduled report "${profile.name}" could not be made at ${when}:\n\n${reason}\n\nVigie will try again at the next scheduled time; the log of the console says more.`,
  };
}
