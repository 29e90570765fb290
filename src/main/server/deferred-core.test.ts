import { describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/contract/channels';
import { deferredCore } from './deferred-core';
import type { ServedCore } from './served-core';

function realCore(): ServedCore & { emit(event: EventName, payload: unknown): void; closed: number } {
  const listeners = new Set<(event: EventName, payload: unknown) => void>();
  const core = {
    closed: 0,
    dispatch: (channel: string, payload: unknown) =>
      Promise.resolve({ ok: true as const, result: { channel, payload } }),
    subscribe(listener: (event: EventName, payload: unknown) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    metrics: () => ['vigie_up 1\n'],
    metricsTokenMatches: (token: string) => Promise.resolve(token === 'right'),
    info: () => Promise.reject(new Error('not needed here')),
    close: () => {
      core.closed += 1;
      return Promise.resolve();
    },
    emit(event: EventName, payload: unknown) {
      for (const l of listeners) l(event, payload);
    },
  };
  return core;
}

describe('deferredCore', () => {
  it('holds calls made while the core starts and answers them from the core once it is ready', async () => {
    const deferred = deferredCore();
    const call = deferred.served.dispatch('devices:list', { a: 1 });
    const token = deferred.served.metricsTokenMatches('right');
    let settled = false;
    void call.then(() => (settled = true));
    await new Promise((r) => setImmediate(r));
    expect(settled).toBe(false);
    deferred.ready(realCore());
    await expect(call).resolves.toEqual({ ok: true, result: { channel: 'devices:list', payload: { a: 1 } } });
    await expect(token).resolves.toBe(true);
    expect([...deferred.served.metrics()].join('')).toBe('vigie_up 1\n');
  });

  it('passes events to a listener that subscribed before the core existed, until it unsubscribes', () => {
    const deferred = deferredCore();
    const seen: unknown[] = [];
    const off = deferred.served.subscribe((event, payload) => seen.push([event, payload]));
    const core = realCore();
    deferred.ready(core);
    core.emit('devices:changed', { n: 1 });
    off();
    core.emit('devices:changed', { n: 2 });
    expect(seen).toEqual([['devices:changed', { n: 1 }]]);
  });

  it('fails the waiting calls with the start error, and closes nothing it never had', async () => {
    const deferred = deferredCore();
    const call = deferred.served.dispatch('devices:list', {});
    deferred.failed(new Error('The OS keychain is not available'));
    await expect(call).rejects.toThrow('The OS keychain is not available');
    expect(() => deferred.served.metrics()).toThrow('still starting');
    await expect(deferred.served.close()).resolves.toBeUndefined();
  });

  it('closes the real core once it is there', async () => {
    const deferred = deferredCore();
    const core = realCore();
    deferred.ready(core);
    await deferred.served.close();
    expect(core.closed).toBe(1);
  });
});
