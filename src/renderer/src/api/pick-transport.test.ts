// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../../shared/contract/client';
import { VigieError } from '../../../shared/contract/envelope';
import { pickTransport, type HostWindow } from './pick-transport';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('pickTransport', () => {
  it("uses the preload's window.vigie when it is there, calls and events alike", async () => {
    const listeners: ((p: unknown) => void)[] = [];
    const vigie = {
      invoke: vi.fn((channel: string) => Promise.resolve({ ok: true, result: { channel } })),
      on: vi.fn((_e: string, l: (p: unknown) => void) => {
        listeners.push(l);
        return () => undefined;
      }),
    };
    const fetchSpy = vi.fn();
    vi.stubGlobal('fetch', fetchSpy);
    const t = pickTransport({ vigie, location: { assign: vi.fn() } });
    expect(t.mode).toBe('ipc');
    const client = createClient(t);
    await expect(client.call('devices:list', {})).resolves.toEqual({ channel: 'devices:list' });
    const got: unknown[] = [];
    client.on('devices:removed', (p) => got.push(p));
    listeners[0]?.({ id: 'x' });
    expect(got).toEqual([{ id: 'x' }]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('ignores a window.vigie that is not a transport and goes over HTTP to the same origin', async () => {
    const fetchSpy = vi.fn((_url: string, _init?: RequestInit) =>
      Promise.resolve(new Response(JSON.stringify({ ok: true, result: [] }), { status: 200 })),
    );
    vi.stubGlobal('fetch', fetchSpy);
    const t = pickTransport({ vigie: { invoke: 'nope' }, location: { assign: vi.fn() } });
    expect(t.mode).toBe('web');
    await expect(createClient(t).call('devices:list', {})).resolves.toEqual([]);
    const [url, init] = fetchSpy.mock.calls[0] ?? [];
    expect(url).toBe('/api/call/devices%3Alist');
    expect(init?.method).toBe('POST');
    expect(init?.body).toBe('{}');
  });

  it('sends the browser to the login page when the session is gone, and the call fails as a VigieError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(
          new Response(
            JSON.stringify({ ok: false, error: { code: 'unauthenticated', message: 'sign in' } }),
            { status: 401 },
          ),
        ),
      ),
    );
    const assign = vi.fn();
    const win: HostWindow = { location: { assign } };
    const client = createClient(pickTransport(win));
    const error = await client.call('app:info', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VigieError);
    expect((error as VigieError).code).toBe('unauthenticated');
    expect(assign).toHaveBeenCalledWith('/login');
  });

  it('keeps the open page (the hash route) in the way to the login page, to come back to it', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response('{"ok":false,"error":{"code":"unauthenticated","message":"x"}}', { status: 401 }))));
    const assign = vi.fn();
    const client = createClient(pickTransport({ location: { assign, hash: '#/device/sw%201' } }));
    await client.call('app:info', {}).catch(() => undefined);
    expect(assign).toHaveBeenCalledWith('/login#/device/sw%201');
  });

  it('opens the event socket on the page origin when a listener subscribes', () => {
    vi.stubGlobal('fetch', vi.fn());
    const opened: string[] = [];
    class FakeSocket {
      onopen = null;
      onmessage = null;
      onclose = null;
      onerror = null;
      constructor(url: string) {
        opened.push(url);
      }
      close(): void {}
    }
    const t = pickTransport({ location: { assign: vi.fn() }, WebSocket: FakeSocket });
    t.on('devices:changed', () => undefined);
    expect(opened).toEqual([`ws://${window.location.host}/api/events`]);
  });
});
