import type { AlertChange } from '../../../../shared/contract/alerting';
import type { Severity } from '../../../../shared/contract/events';
import type { Lang } from '../../../../shared/format/locale';
import { formatDateTime } from '../../../../shared/format/format-time';
import { formatMessage } from '../../../../shared/messages/format-message';
import { msg } from '../../../../shared/messages/message';
import type { OutgoingMail } from '../../mail/mailer';
import { escapeHtml } from '../../report/render/escape';
import { changeLine, changeText, severityWord, subjectFor } from './format-change';

/** A storm of thousands would make a multi-megabyte mail: list this many, count the rest. */
export const MAX_LISTED = 500;

const COLOR: Record<Severity, string> = { info: '#1c7ed6', ok: '#2f9e44', warning: '#f08c00', unknown: '#868e96', critical: '#e03131' };

/** Device names come from the devices themselves: a line break in one must not split the subject header. */
function oneLine(text: string): string {
  return text.replace(/[\r\n\t]+/g, ' ').slice(0, 250);
}

/**
 * One mail for a batch of changes: a subject that says how many and the worst, a table in HTML (every
 * value escaped: names and texts come from devices) and the same lines as plain text.
 */
export function renderAlertMail(to: string[], changes: readonly AlertChange[], lang: Lang): OutgoingMail {
  const t = (code: string, params: Record<string, string | number> = {}): string => formatMessage(msg(code, params), lang);
  const listed = changes.slice(0, MAX_LISTED);
  const more = changes.length - listed.length;
  const moreLine = more > 0 ? t('notify.more', { count: more }) : null;
  const rows = listed.map((c) => ({
    time: formatDateTime(c.at, lang),
    severity: c.severity,
    word: severityWord(c.severity, lang),
    device: c.deviceName,
    text: changeText(c, lang),
  }));
  const intro = t('notify.mail-intro', { count: changes.length });
  const text = [intro, '', ...listed.map((c, i) => `${rows[i]?.time ?? ''}  ${changeLine(c, lang)}`), ...(moreLine ? [moreLine] : []), ''].join('\n');
  const cell = 'padding:4px 8px;border-bottom:1px solid #dee2e6;text-align:left;vertical-align:top';
  const html = [
    '<!doctype html><html><body style="font-family:sans-serif;font-size:14px">',
    `<p>${escapeHtml(intro)}</p>`,
    '<table style="border-collapse:collapse">',
    `<thead><tr>${['time', 'severity', 'device', 'what'].map((k) => `<th style="${cell}">${escapeHtml(t(`notify.column.${k}`))}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map(
      (r) =>
        `<tr><td style="${cell};white-space:nowrap">${escapeHtml(r.time)}</td>` +
        `<td style="${cell};color:${COLOR[r.severity]};font-weight:bold">${escapeHtml(r.word)}</td>` +
        `<td style="${cell}">${escapeHtml(r.device)}</td><td style="${cell}">${escapeHtml(r.text)}</td></tr>`,
    ),
    '</tbody></table>',
    ...(moreLine ? [`<p>${escapeHtml(moreLine)}</p>`] : []),
    '</body></html>',
  ].join('\n');
  return { to, subject: oneLine(subjectFor(changes, lang)), text, html };
}
