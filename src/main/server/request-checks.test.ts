import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { pickLocale } from './auth-page-text';
import { escapeHtml, loginPage } from './auth-pages';
import { safeNext } from './auth-routes';
import { checkBindPolicy, hostName, isLoopbackHost } from './bind-policy';
import { isLocalClient, sameOrigin } from './request-origin';

const req = (headers: Record<string, string>, remoteAddress = '127.0.0.1'): IncomingMessage =>
  ({ headers, socket: { remoteAddress } }) as unknown as IncomingMessage;

describe('safeNext', () => {
  it('keeps local paths and refuses everything that could leave the site or loop', () => {
    expect(safeNext('/devices/42?range=7d')).toBe('/devices/42?range=7d');
    for (const bad of [
      null,
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/a b',
      '/x\u0000',
      '/login',
      '/setup?x',
      '/api/call/x',
      '/logout',
    ]) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });
});

describe('bind policy', () => {
  it('knows loopback addresses and names', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST', '::ffff:127.0.0.1'])
      expect(isLoopbackHost(h), h).toBe(true);
    for (const h of [
      '0.0.0.0',
      '::',
      '192.0.2.1',
      '10.0.0.1',
      'vigie.example',
      '128.0.0.1',
      'localhost.evil.example',
    ]) {
      expect(isLoopbackHost(h), h).toBe(false);
    }
    expect(hostName('127.0.0.1:8780')).toBe('127.0.0.1');
    expect(hostName('[::1]:8780')).toBe('::1');
    expect(hostName('vigie.example')).toBe('vigie.example');
    expect(() => checkBindPolicy('127.0.0.1', false, false)).not.toThrow();
    expect(() => checkBindPolicy('0.0.0.0', false, false)).toThrow(
      /Refusing to listen on 0.0.0.0 without TLS/,
    );
    expect(() => checkBindPolicy('0.0.0.0', true, false)).not.toThrow();
    expect(() => checkBindPolicy('0.0.0.0', false, true)).not.toThrow();
  });
});

describe('origin checks', () => {
  it('accepts the same authority only, whatever the scheme in front', () => {
    expect(sameOrigin(req({ host: '127.0.0.1:8780', origin: 'http://127.0.0.1:8780' }), true)).toBe(true);
    expect(sameOrigin(req({ host: 'vigie.example', origin: 'https://vigie.example' }), true)).toBe(true);
    expect(sameOrigin(req({ host: '127.0.0.1:8780', origin: 'http://127.0.0.1:9999' }), true)).toBe(false);
    expect(sameOrigin(req({ host: '127.0.0.1:8780', origin: 'null' }), false)).toBe(false);
    expect(sameOrigin(req({ host: '127.0.0.1:8780', origin: 'file://' }), false)).toBe(false);
    expect(sameOrigin(req({ host: '127.0.0.1:8780' }), false)).toBe(true);
    expect(sameOrigin(req({ host: '127.0.0.1:8780' }), true)).toBe(false);
    expect(sameOrigin(req({ host: '127.0.0.1:8780', 'sec-fetch-site': 'same-site' }), false)).toBe(false);
  });

  it('sees a local client only on loopback, with a loopback Host and no proxy headers', () => {
    expect(isLocalClient(req({ host: '127.0.0.1:8780' }))).toBe(true);
    expect(isLocalClient(req({ host: 'localhost:8780' }, '::1'))).toBe(true);
    expect(isLocalClient(req({ host: '127.0.0.1:8780' }, '192.0.2.7'))).toBe(false);
    expect(isLocalClient(req({ host: 'rebind.example:8780' }))).toBe(false);
    expect(isLocalClient(req({ host: '127.0.0.1:8780', forwarded: 'for=192.0.2.7' }))).toBe(false);
    expect(isLocalClient(req({ host: '127.0.0.1:8780', 'x-real-ip': '192.0.2.7' }))).toBe(false);
  });
});

describe('login pages', () => {
  it('picks French or English from Accept-Language by q-value, ?lang first', () => {
    expect(pickLocale('fr-FR,fr;q=0.9', null)).toBe('fr');
    expect(pickLocale('de-DE,en;q=0.4,fr;q=0.8', null)).toBe('fr');
    expect(pickLocale('de-DE', null)).toBe('en');
    expect(pickLocale(undefined, null)).toBe('en');
    expect(pickLocale('fr;q=0,en', null)).toBe('en');
    expect(pickLocale('en', 'fr')).toBe('fr');
  });

  it('escapes whatever reaches the HTML', () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      '&#60;img src=x onerror=&#34;alert(&#39;1&#39;)&#34;&#62;&#38;',
    );
    const html = loginPage('en', '/devices/"><script>alert(1)</script>', null);
    expect(html).not.toContain('<script>');
    expect(html).toContain('value="/devices/&#34;&#62;&#60;script&#62;alert(1)&#60;/script&#62;"');
  });
});
