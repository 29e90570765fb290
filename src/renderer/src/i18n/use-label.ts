import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Label } from '../../../shared/families/descriptor';
import { intlLocale, type Lang } from '../../../shared/format/locale';

export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'fr' ? 'fr' : 'en';
}

/** Picks a descriptor label in the current language: families carry both, the chrome uses i18next. */
export function useLabel(): (label: Label) => string {
  const lang = useLang();
  return useCallback((label: Label) => label[lang], [lang]);
}

/** The Intl locale for numbers and dates in the current language. */
export function useLocale(): string {
  const lang = useLang();
  return intlLocale(lang, typeof navigator === 'undefined' ? [] : navigator.languages);
}
