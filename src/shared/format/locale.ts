export type Lang = 'en' | 'fr';

/**
 * The Intl locale for numbers and dates: the user's own regional variant when it matches the chosen
 * language (en-GB keeps day/month order, fr-CA its own conventions), else the bare language.
 */
export function intlLocale(lang: Lang, preferred: readonly string[]): string {
  const match = preferred.find((p) => p.toLowerCase().split('-')[0] === lang);
  return match ?? lang;
}

export function resolveLang(setting: 'system' | Lang, preferred: readonly string[]): Lang {
  if (setting !== 'system') return setting;
  const first = preferred.find((p) => /^(en|fr)\b/i.test(p));
  return first?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
