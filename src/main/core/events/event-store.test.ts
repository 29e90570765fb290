import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EventStore } from './event-store';

const H = 3_600_000;

function store(): EventStore {
  return new EventStore(join(mkdtempSync(join(tmpdir(), 'vigie-events-')), 'events.db'));
}

describe('event store', () => {
  it('computes the weather as time shares over the last 24 h', () => {
    const s = store();
    const now = 100 * H;
    s.recordState('d', now - 30 * H, 'ok'); // before the window: the window starts OK
    s.recordState('d', now - 12 * H, 'critical');
    s.recordState('d', now - 6 * H, 'ok');
    s.recordState('d', now - 3 * H, 'warning');
    const w = s.weather('d', now);
    expect(w.ok).toBeCloseTo((12 + 3) / 24);
    expect(w.critical).toBeCloseTo(6 / 24);
    expect(w.warning).toBeCloseTo(3 / 24);
    expect(w.unknown).toBe(0);
  });

  it('counts only known time for a device younger than the window', () => {
    const s = store();
    s.recordState('d', 10 * H, 'ok');
    s.recordState('d', 11 * H, 'unknown');
    const w = s.weather('d', 12 * H);
    expect(w.ok).toBeCloseTo(0.5);
    expect(w.unknown).toBeCloseTo(0.5);
    expect(s.weather('other', 12 * H)).toEqual({ ok: 0, warning: 0, critical: 0, unknown: 0 });
  });

  it('lists newest first with filters, paging and a literal text search', () => {
    const s = store();
    s.append({ at: 1, deviceId: 'a', deviceName: 'nas-01', severity: 'critical', kind: 'state', message: 'volume 100% full' });
    s.append({ at: 2, deviceId: 'b', deviceName: 'ups', severity: 'warning', kind: 'state', message: 'on battery' });
    s.append({ at: 3, deviceId: 'a', deviceName: 'nas-01', severity: 'ok', kind: 'state', message: 'OK again' });
    expect(s.list({ limit: 10 }).map((e) => e.at)).toEqual([3, 2, 1]);
    expect(s.list({ limit: 10, deviceId: 'a' }).map((e) => e.at)).toEqual([3, 1]);
    expect(s.list({ limit: 10, severity: ['warning', 'critical'] }).map((e) => e.at)).toEqual([2, 1]);
    expect(s.list({ limit: 10, text: '100%' }).map((e) => e.at)).toEqual([1]);
    expect(s.list({ limit: 10, text: '%' }).map((e) => e.at)).toEqual([1]);
    const first = s.list({ limit: 1 });
    expect(s.list({ limit: 10, before: first[0]!.id }).map((e) => e.at)).toEqual([2, 1]);
  });

  it('prunes events older than 90 days', () => {
    const s = store();
    const day = 24 * H;
    s.append({ at: 0, deviceId: null, deviceName: null, severity: 'info', kind: 'system', message: 'old' });
    s.append({ at: 95 * day, deviceId: null, deviceName: null, severity: 'info', kind: 'system', message: 'recent' });
    s.prune(100 * day);
    expect(s.list({ limit: 10 }).map((e) => e.message)).toEqual(['recent']);
  });
});
