import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';
import type { Lang } from '../../../shared/format/locale';

export const resources = { en: { translation: en }, fr: { translation: fr } } as const;

export function createI18n(lang: Lang): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: 'en',
    // React escapes what it renders; escaping here too would show &lt; in device names.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return instance;
}
