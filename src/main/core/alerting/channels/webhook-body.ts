import type { AlertChange } from '../../../../shared/contract/alerting';
import type { Lang } from '../../../../shared/format/locale';
import { changeLine } from './format-change';

/**
 * The JSON posted for one change: the change's fields, its message as code + parameters (`message`) for
 * programs, and `text`, the formatted line that Slack and Teams incoming webhooks show as is.
 */
export function webhookBody(change: AlertChange, lang: Lang): Record<string, unknown> {
  const { text: message, ...fields } = change;
  return { ...fields, message, language: lang, text: changeLine(change, lang) };
}

/** Only http(s): a `file:` or `data:` URL in the settings must never be fetched. */
export function webhookUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${parsed.protocol} URLs are refused (http or https only)`;
  if (parsed.username || parsed.password) return 'credentials in the URL are refused';
  return null;
}

/** Where a webhook goes, for the log: the host only (Slack and Teams put the secret in the path or query). */
export function webhookTarget(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid URL)';
  }
}
