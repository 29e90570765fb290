import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from './route';

describe('routes', () => {
  it('round-trip through the hash', () => {
    const routes: Route[] = [
      { page: 'dashboard' },
      { page: 'devices', add: true, edit: null },
      { page: 'devices', add: false, edit: 'sw|1 é' },
      { page: 'device', id: 'a/b c' },
      { page: 'events', deviceId: 'x y' },
      { page: 'alerts' },
      { page: 'rules', family: null, deviceId: null },
      { page: 'rules', family: 'this-computer', deviceId: null },
      { page: 'rules', family: null, deviceId: 'sw 1/é' },
      { page: 'maintenance' },
      { page: 'settings' },
    ];
    for (const r of routes)
      expect(parseRoute(href(r))).toEqual(r.page === 'devices' ? { ...r, edit: r.edit ?? null } : r);
  });
  it('falls back to the dashboard on anything unknown', () => {
    expect(parseRoute('#/nope')).toEqual({ page: 'dashboard' });
    expect(parseRoute('')).toEqual({ page: 'dashboard' });
  });
});
