import { describe, expect, it, vi } from 'vitest';
import type { DeviceSummary } from '../../../shared/contract/devices';
import { DeviceStore } from './device-store';

const summary = (id: string, name: string, extra: Partial<DeviceSummary> = {}): DeviceSummary => ({
  id,
  name,
  kind: 'snmp',
  family: 'linux',
  group: 'servers',
  host: '10.0.0.1',
  enabled: true,
  intervalSeconds: 60,
  state: 'ok',
  message: null,
  keyFigure: { value: 1, text: null, unit: 'percent' },
  lastPollAt: 1,
  uptimeSeconds: null,
  weather: { ok: 1, warning: 0, critical: 0, unknown: 0 },
  ...extra,
});

describe('DeviceStore', () => {
  it('wakes only the updated device on a value update, not the id list', () => {
    const store = new DeviceStore();
    store.replaceAll([summary('a', 'alpha'), summary('b', 'beta')]);
    const onA = vi.fn();
    const onB = vi.fn();
    const onIds = vi.fn();
    store.subscribeId('a', onA);
    store.subscribeId('b', onB);
    store.subscribeIds(onIds);
    const idsBefore = store.ids();
    store.upsert(summary('a', 'alpha', { keyFigure: { value: 42, text: null, unit: 'percent' } }));
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).not.toHaveBeenCalled();
    expect(onIds).not.toHaveBeenCalled();
    expect(store.ids()).toBe(idsBefore);
    expect(store.get('a')?.keyFigure?.value).toBe(42);
  });

  it('rebuilds the sorted id list on add, rename, group change and removal', () => {
    const store = new DeviceStore();
    const onIds = vi.fn();
    store.subscribeIds(onIds);
    store.replaceAll([summary('b', 'sw10'), summary('a', 'sw2')]);
    expect(store.ids()).toEqual(['a', 'b']);
    store.upsert(summary('c', 'sw1'));
    expect(store.ids()).toEqual(['c', 'a', 'b']);
    store.upsert(summary('c', 'sw99'));
    expect(store.ids()).toEqual(['a', 'b', 'c']);
    store.upsert(summary('a', 'sw2', { group: 'switches' }));
    store.remove('b');
    expect(store.ids()).toEqual(['a', 'c']);
    expect(onIds).toHaveBeenCalledTimes(5);
  });

  it('a resync notifies only the devices whose summary changed', () => {
    const store = new DeviceStore();
    store.replaceAll([summary('a', 'alpha'), summary('b', 'beta')]);
    const onA = vi.fn();
    const onB = vi.fn();
    const onAll = vi.fn();
    store.subscribeId('a', onA);
    store.subscribeId('b', onB);
    store.subscribeAll(onAll);
    store.replaceAll([summary('a', 'alpha'), summary('b', 'beta', { state: 'critical' })]);
    expect(onA).not.toHaveBeenCalled();
    expect(onB).toHaveBeenCalledTimes(1);
    expect(onAll).toHaveBeenCalledTimes(1);
    store.replaceAll([summary('a', 'alpha')]);
    expect(store.get('b')).toBeUndefined();
    expect(onB).toHaveBeenCalledTimes(2);
    expect(store.all().map((d) => d.id)).toEqual(['a']);
  });

  it('tells listeners of the whole list once per frame, however many devices changed', () => {
    const frames: (() => void)[] = [];
    const store = new DeviceStore((run) => frames.push(run));
    const onAll = vi.fn();
    const onA = vi.fn();
    store.subscribeAll(onAll);
    store.subscribeId('a', onA);
    store.replaceAll([summary('a', 'alpha'), summary('b', 'beta')]);
    for (let i = 0; i < 500; i++) store.upsert(summary('a', 'alpha', { state: i % 2 ? 'ok' : 'warning' }));
    // A tile hears each change at once; the list's listeners wait for the frame.
    expect(onA).toHaveBeenCalledTimes(501);
    expect(onAll).not.toHaveBeenCalled();
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(onAll).toHaveBeenCalledTimes(1);
    expect(store.all().map((d) => d.state)).toEqual(['ok', 'ok']);
    store.upsert(summary('b', 'beta', { state: 'critical' }));
    expect(frames).toHaveLength(1);
  });

  it('stops notifying after unsubscribe', () => {
    const store = new DeviceStore();
    const l = vi.fn();
    const off = store.subscribeId('a', l);
    off();
    store.upsert(summary('a', 'alpha'));
    expect(l).not.toHaveBeenCalled();
  });
});
