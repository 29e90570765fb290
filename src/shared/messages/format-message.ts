import type { Lang } from '../format/locale';
import { formatValue } from '../format/format-value';
import { catalogEn, type MessageCode } from './catalog-en';
import { catalogFr } from './catalog-fr';
import type { Message, MessageParam } from './message';

const CATALOGS: Record<Lang, Record<MessageCode, string>> = { en: catalogEn, fr: catalogFr };

export function isKnownCode(code: string): code is MessageCode {
  return Object.hasOwn(catalogEn, code);
}

function formatParam(p: MessageParam | undefined, locale: string, lang: Lang): string {
  if (p === undefined || p === null) return '';
  if (typeof p === 'string') return p;
  if (typeof p === 'number') return new Intl.NumberFormat(locale).format(p);
  if ('code' in p) return formatMessage(p, lang, locale);
  return formatValue(p.value, p.unit, locale);
}

/**
 * Formats a recorded message in a reader's language and locale (`locale` is an Intl locale such as
 * 'fr-FR'; numbers and units follow it). A code this version does not know (written by a newer one) shows
 * the code and its parameters rather than nothing.
 */
export function formatMessage(m: Message, lang: Lang, locale: string = lang): string {
  const template = isKnownCode(m.code) ? CATALOGS[lang][m.code] : null;
  if (template === null) {
    const params = Object.entries(m.params).map(([k, v]) => `${k}=${formatParam(v, locale, lang)}`);
    return params.length ? `${m.code} (${params.join(', ')})` : m.code;
  }
  return template.replace(/\{([a-zA-Z0-9_]+)\}/g, (_, name: string) => formatParam(m.params[name], locale, lang));
}
