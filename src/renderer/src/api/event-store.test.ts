import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../shared/contract/events';
import { EventStore } from './event-store';

const ev = (id: number, at: number): EventRecord => ({
  id,
  at,
  deviceId: null,
  deviceName: null,
  severity: 'info',
  kind: 'system',
  message: `e${id}`,
});

describe('EventStore', () => {
  it('keeps the newest first, bounded, without duplicates', () => {
    const s = new EventStore(3);
    s.replaceAll([ev(1, 10), ev(3, 30), ev(2, 20)]);
    expect(s.recent().map((e) => e.id)).toEqual([3, 2, 1]);
    s.append(ev(4, 40));
    s.append(ev(4, 40));
    expect(s.recent().map((e) => e.id)).toEqual([4, 3, 2]);
  });
});
