import { PASSWORD_MIN } from './password-hash';

export type Locale = 'en' | 'fr';

/**
 * The language of the login pages: an explicit ?lang= first, then the best of en/fr in Accept-Language
 * (by q-value), English otherwise. These pages are served before the renderer and its i18next exist.
 */
export function pickLocale(acceptLanguage: string | undefined, explicit: string | null): Locale {
  if (explicit === 'en' || explicit === 'fr') return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((l) => l.q > 0 && (l.lang === 'en' || l.lang === 'fr'))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.lang === 'fr' ? 'fr' : 'en';
}

export interface AuthText {
  signInTitle: string;
  password: string;
  signIn: string;
  wrongPassword: string;
  tooMany: (seconds: number) => string;
  signedOut: string;
  setupTitle: string;
  setupIntro: string;
  newPassword: string;
  repeatPassword: string;
  rule: string;
  setupSubmit: string;
  tooShort: string;
  tooLong: string;
  mismatch: string;
  remoteTitle: string;
  remoteBody: (localUrl: string) => string;
  unavailableTitle: string;
  badForm: string;
  otherLanguage: string;
}

export const AUTH_TEXT: Record<Locale, AuthText> = {
  en: {
    signInTitle: 'Sign in to Vigie',
    password: 'Password',
    signIn: 'Sign in',
    wrongPassword: 'Wrong password.',
    tooMany: (s) => `Too many failed attempts from your address. Try again in ${s} seconds.`,
    signedOut: 'You are signed out.',
    setupTitle: 'Set the admin password',
    setupIntro:
      'This is the first start of Vigie with this data folder. Choose the password that will protect the console.',
    newPassword: 'New password',
    repeatPassword: 'Repeat the password',
    rule: `At least ${PASSWORD_MIN} characters.`,
    setupSubmit: 'Set the password and sign in',
    tooShort: `The password must have at least ${PASSWORD_MIN} characters.`,
    tooLong: 'The password is too long.',
    mismatch: 'The two passwords differ.',
    remoteTitle: 'The admin password is not set yet',
    remoteBody: (url) =>
      `For safety, the first password can only be set from the machine that runs Vigie: open ${url} in a browser there (or through an SSH tunnel), or run “vigie passwd” on it.`,
    unavailableTitle: 'Sign-in unavailable',
    badForm: 'The form could not be read. Reload the page and try again.',
    otherLanguage: 'Français',
  },
  fr: {
    signInTitle: 'Connexion à Vigie',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    wrongPassword: 'Mot de passe incorrect.',
    tooMany: (s) => `Trop d’échecs depuis votre adresse. Réessayez dans ${s} secondes.`,
    signedOut: 'Vous êtes déconnecté.',
    setupTitle: 'Choisir le mot de passe administrateur',
    setupIntro:
      'Premier démarrage de Vigie avec ce dossier de données. Choisissez le mot de passe qui protégera la console.',
    newPassword: 'Nouveau mot de passe',
    repeatPassword: 'Répétez le mot de passe',
    rule: `Au moins ${PASSWORD_MIN} caractères.`,
    setupSubmit: 'Enregistrer et se connecter',
    tooShort: `Le mot de passe doit compter au moins ${PASSWORD_MIN} caractères.`,
    tooLong: 'Le mot de passe est trop long.',
    mismatch: 'Les deux mots de passe diffèrent.',
    remoteTitle: 'Le mot de passe administrateur n’est pas encore défini',
    remoteBody: (url) =>
      `Par sécurité, le premier mot de passe ne peut être choisi que depuis la machine qui exécute Vigie : ouvrez ${url} dans un navigateur sur cette machine (ou par un tunnel SSH), ou lancez « vigie passwd » sur celle-ci.`,
    unavailableTitle: 'Connexion impossible',
    badForm: 'Le formulaire n’a pas pu être lu. Rechargez la page et réessayez.',
    otherLanguage: 'English',
  },
};
