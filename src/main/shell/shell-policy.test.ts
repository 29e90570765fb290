import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devRendererUrl, permissionAllowed, SHELL_CSP } from './shell-policy';

/** The directives of a CSP as name → sources. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('Electron shell policy', () => {
  it('honours ELECTRON_RENDERER_URL only in development and only on loopback', () => {
    const env = (url: string | undefined) => ({ ELECTRON_RENDERER_URL: url });
    expect(devRendererUrl(false, env('http://localhost:5173'))).toBe('http://localhost:5173/');
    expect(devRendererUrl(false, env('http://127.0.0.1:5173/index.html'))).toBe(
      'http://127.0.0.1:5173/index.html',
    );
    expect(devRendererUrl(true, env('http://localhost:5173'))).toBeNull();
    expect(devRendererUrl(false, env('https://attacker.example/'))).toBeNull();
    expect(devRendererUrl(false, env('http://localhost.attacker.example:5173/'))).toBeNull();
    expect(devRendererUrl(false, env('file:///tmp/evil.html'))).toBeNull();
    expect(devRendererUrl(false, env('not a url'))).toBeNull();
    expect(devRendererUrl(false, env(undefined))).toBeNull();
  });

  it('refuses every permission, asked or only checked', () => {
    for (const p of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'midiSysex',
      'openExternal',
      'serial',
    ])
      expect(permissionAllowed(p)).toBe(false);
  });

  it('lets no page connect anywhere but its own origin (header and the page meta)', () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8'),
    )?.[1];
    expect(meta).toBeDefined();
    for (const csp of [SHELL_CSP, meta!]) {
      const connect = directives(csp).get('connect-src');
      // A bare scheme source (ws:, wss:, https:) would allow any host.
      expect(connect).toEqual(["'self'"]);
      expect(directives(csp).get('script-src')).toEqual(["'self'"]);
    }
  });
});
