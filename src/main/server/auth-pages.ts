import { AUTH_TEXT, type Locale } from './auth-page-text';
import { PASSWORD_MAX, PASSWORD_MIN } from './password-hash';

/** Server-rendered, script-free pages: they work without JavaScript and keep script-src 'self' intact. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export type Notice = { kind: 'error' | 'info'; text: string } | null;

function page(locale: Locale, title: string, body: string, langSwitch: string): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Vigie</title>
<link rel="stylesheet" href="/auth/style.css">
</head>
<body>
<main class="card">
<p class="brand">Vigie</p>
<h1>${escapeHtml(title)}</h1>
${body}
<p class="lang"><a href="${escapeHtml(langSwitch)}" hreflang="${locale === 'en' ? 'fr' : 'en'}">${escapeHtml(AUTH_TEXT[locale].otherLanguage)}</a></p>
</main>
</body>
</html>
`;
}

function notice(n: Notice): string {
  if (!n) return '';
  return n.kind === 'error'
    ? `<p class="notice error" role="alert">${escapeHtml(n.text)}</p>`
    : `<p class="notice info" role="status">${escapeHtml(n.text)}</p>`;
}

function switchLink(path: string, locale: Locale, next: string): string {
  const q = new URLSearchParams({ lang: locale === 'en' ? 'fr' : 'en' });
  if (next !== '/') q.set('next', next);
  return `${path}?${q.toString()}`;
}

/**
 * The form has no action: it posts to this page's own URL, fragment included, and a browser carries that
 * fragment over the redirect to `next`. The console routes by fragment (#/device/…), which the server never
 * sees, so that is how a sign-in returns to the page that was asked for.
 */
export function loginPage(locale: Locale, next: string, n: Notice): string {
  const t = AUTH_TEXT[locale];
  const body = `${notice(n)}
<form method="post">
<input type="hidden" name="next" value="${escapeHtml(next)}">
<input type="hidden" name="lang" value="${locale}">
<label for="password">${escapeHtml(t.password)}</label>
<input id="password" name="password" type="password" autocomplete="current-password" required autofocus maxlength="${PASSWORD_MAX}">
<button type="submit">${escapeHtml(t.signIn)}</button>
</form>`;
  return page(locale, t.signInTitle, body, switchLink('/login', locale, next));
}

export function setupPage(locale: Locale, n: Notice): string {
  const t = AUTH_TEXT[locale];
  const body = `<p>${escapeHtml(t.setupIntro)}</p>
${notice(n)}
<form method="post" action="/setup">
<input type="hidden" name="lang" value="${locale}">
<label for="password">${escapeHtml(t.newPassword)}</label>
<input id="password" name="password" type="password" autocomplete="new-password" required autofocus minlength="${PASSWORD_MIN}" maxlength="${PASSWORD_MAX}" aria-describedby="rule">
<p id="rule" class="hint">${escapeHtml(t.rule)}</p>
<label for="confirm">${escapeHtml(t.repeatPassword)}</label>
<input id="confirm" name="confirm" type="password" autocomplete="new-password" required minlength="${PASSWORD_MIN}" maxlength="${PASSWORD_MAX}">
<button type="submit">${escapeHtml(t.setupSubmit)}</button>
</form>`;
  return page(locale, t.setupTitle, body, switchLink('/setup', locale, '/'));
}

export function remoteSetupPage(locale: Locale, localUrl: string): string {
  const t = AUTH_TEXT[locale];
  return page(
    locale,
    t.remoteTitle,
    `<p>${escapeHtml(t.remoteBody(localUrl))}</p>`,
    switchLink('/setup', locale, '/'),
  );
}

export function unavailablePage(locale: Locale, message: string): string {
  const t = AUTH_TEXT[locale];
  return page(
    locale,
    t.unavailableTitle,
    notice({ kind: 'error', text: message }),
    switchLink('/login', locale, '/'),
  );
}

/** Served at /auth/style.css, the only asset of these pages, so that no inline style block is needed. */
export const AUTH_CSS = `:root{color-scheme:light dark;--bg:#f1f3f5;--card:#fff;--fg:#212529;--muted:#5c636a;--accent:#1c7ed6;--err:#c92a2a;--border:#ced4da}
@media (prefers-color-scheme:dark){:root{--bg:#1a1b1e;--card:#25262b;--fg:#e9ecef;--muted:#a6a7ab;--accent:#4dabf7;--err:#ff8787;--border:#373a40}}
*{box-sizing:border-box}
body{margin:0;min-height:100vh;display:grid;place-items:center;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.card{width:min(26rem,92vw);background:var(--card);border:1px solid var(--border);border-radius:.75rem;padding:2rem;box-shadow:0 4px 24px rgb(0 0 0/.08)}
.brand{margin:0;color:var(--accent);font-weight:700;letter-spacing:.08em;text-transform:uppercase;font-size:.8rem}
h1{font-size:1.35rem;margin:.25rem 0 1.25rem}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
input[type=password]{width:100%;padding:.6rem .7rem;font:inherit;color:inherit;background:transparent;border:1px solid var(--border);border-radius:.4rem}
input[type=password]:focus{outline:2px solid var(--accent);outline-offset:1px}
button{margin-top:1.25rem;width:100%;padding:.65rem;font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:.4rem;cursor:pointer}
.hint{margin:.3rem 0 0;color:var(--muted);font-size:.875rem}
.notice{padding:.6rem .8rem;border-radius:.4rem;border:1px solid currentColor}
.error{color:var(--err)}
.info{color:var(--muted)}
.lang{margin:1.25rem 0 0;text-align:right;font-size:.875rem}
a{color:var(--accent)}
`;
