import type { AlertChange } from '../../../../shared/contract/alerting';
import type { Severity } from '../../../../shared/contract/events';
import type { Lang } from '../../../../shared/format/locale';
import { formatMessage } from '../../../../shared/messages/format-message';
import { msg } from '../../../../shared/messages/message';

/** Severity rank for "the worst of a batch": OK and info last, as the tile colours rank states. */
const RANK: Record<Severity, number> = { info: 0, ok: 1, warning: 2, unknown: 3, critical: 4 };

export function worstSeverity(changes: readonly AlertChange[]): Severity {
  let worst: Severity = 'info';
  for (const c of changes) if (RANK[c.severity] > RANK[worst]) worst = c.severity;
  return worst;
}

export function severityWord(severity: Severity, lang: Lang): string {
  return formatMessage(msg(`notify.severity.${severity}`), lang);
}

/** What happened, in the reader's language, with the incident's affected devices when there are any. */
export function changeText(change: AlertChange, lang: Lang): string {
  const text = formatMessage(change.text, lang);
  if (!change.affected.length) return text;
  return `${text} (${formatMessage(msg('notify.affected', { devices: change.affected.join(', ') }), lang)})`;
}

/** One line for chat tools and the plain-text part: "CRITICAL esx-01: esx-01 is CRITICAL: …". */
export function changeLine(change: AlertChange, lang: Lang): string {
  return formatMessage(msg('notify.line', { severity: severityWord(change.severity, lang), device: change.deviceName, text: changeText(change, lang) }), lang);
}

export function subjectFor(changes: readonly AlertChange[], lang: Lang): string {
  const [first] = changes;
  if (changes.length === 1 && first) {
    return formatMessage(
      msg('notify.subject-one', { severity: severityWord(first.severity, lang), device: first.deviceName, text: changeText(first, lang) }),
      lang,
    );
  }
  return formatMessage(msg('notify.subject-many', { count: changes.length, severity: severityWord(worstSeverity(changes), lang) }), lang);
}

/** A sample change for a channel's Test button: no device, so a click on it opens nothing. */
export function sampleChange(channelId: string, at: number): AlertChange {
  return {
    at,
    deviceId: 'vigie-test',
    deviceName: 'Vigie',
    group: '',
    checkId: null,
    severity: 'info',
    previous: null,
    state: 'ok',
    text: msg('notify.test', { channel: channelId }),
    affected: [],
    kind: 'system',
  };
}
