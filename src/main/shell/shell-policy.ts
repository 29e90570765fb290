/**
 * The Electron shell's security decisions as pure functions (no electron import), so they are unit-tested
 * here, where no Electron binary runs. security.ts and index.ts apply them.
 */

/** The window's CSP, sent as a header. The renderer talks over IPC only: it needs no network at all. */
export const SHELL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The development server URL electron-vite passes in ELECTRON_RENDERER_URL, or null. Whatever page it names
 * becomes the trusted IPC origin, so a packaged app never honours it (anyone who can set an environment
 * variable could otherwise point the app, with its access to credentials, at their own page), and in
 * development only an http(s) URL on loopback is accepted.
 */
export function devRendererUrl(isPackaged: boolean, env: Record<string, string | undefined>): string | null {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return LOOPBACK.has(url.hostname) && url.username === '' && url.password === '' ? url.href : null;
}

/**
 * Whether the page may use a permission (camera, geolocation, notifications, clipboard, MIDI...). Never: the
 * main process shows notifications itself and the console needs nothing else. Used for both the request
 * handler (prompts) and the check handler (silent queries such as navigator.permissions and some APIs that
 * never prompt), since a check handler left unset answers from Chromium's defaults.
 */
export function permissionAllowed(_permission: string): boolean {
  return false;
}
