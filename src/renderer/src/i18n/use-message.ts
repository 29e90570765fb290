import { useCallback } from 'react';
import { formatMessage } from '../../../shared/messages/format-message';
import type { Message } from '../../../shared/messages/message';
import { useLang, useLocale } from './use-label';

/** Formats a recorded message (code + params) in the reader's language and locale. */
export function useFormatMessage(): (m: Message) => string {
  const lang = useLang();
  const locale = useLocale();
  return useCallback((m: Message) => formatMessage(m, lang, locale), [lang, locale]);
}

/** A check's or event's text: the code when recorded with one, else the English text of older records. */
export function useMessageOr(): (m: Message | undefined, fallback: string) => string {
  const format = useFormatMessage();
  return useCallback((m: Message | undefined, fallback: string) => (m ? format(m) : fallback), [format]);
}
