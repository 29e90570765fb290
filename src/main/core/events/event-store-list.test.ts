import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventRecord } from '../../../shared/contract/events';
import { EventStore } from './event-store';

const DAY = 86_400_000;

describe('event store list() filters (issue 14 item 7)', () => {
  it('filters by type and time range and still pages back by id', () => {
    const s = new EventStore(join(mkdtempSync(join(tmpdir(), 'vigie-events-list-')), 'events.db'));
    const now = 200 * DAY;
    const kinds: EventRecord['kind'][] = ['state', 'trap', 'audit', 'system', 'device'];
    // One event a day over 100 days, oldest first: ids grow with time.
    for (let i = 0; i < 100; i++) {
      s.append({
        at: now - (99 - i) * DAY,
        deviceId: 'sw',
        deviceName: 'core-sw',
        severity: 'warning',
        kind: kinds[i % 5] ?? 'state',
        message: `event ${i}`,
      });
    }
    const traps = s.list({ kind: ['trap'], limit: 1000 });
    // Retention keeps 90 days of events at most; here all 100 are fresh in the file (no purge ran).
    expect(traps.map((e) => e.message)).toEqual(
      Array.from({ length: 20 }, (_, k) => `event ${99 - 3 - 5 * k}`),
    );
    expect(s.list({ kind: ['audit', 'system'], limit: 1000 })).toHaveLength(40);

    const week = s.list({ from: now - 6 * DAY, to: now - 2 * DAY, limit: 1000 });
    expect(week.map((e) => e.message)).toEqual(['event 97', 'event 96', 'event 95', 'event 94', 'event 93']);

    // Paging: pages of 7 traps, each older than the last one shown, cover the 20 traps once.
    const seen: string[] = [];
    let before: number | undefined;
    for (;;) {
      const page = s.list({ kind: ['trap'], limit: 7, ...(before !== undefined && { before }) });
      seen.push(...page.map((e) => e.message));
      if (page.length < 7) break;
      before = page.at(-1)?.id;
    }
    expect(seen).toEqual(traps.map((e) => e.message));
    expect(s.list({ kind: ['trap'], from: now - 10 * DAY, text: 'event 9', limit: 100 }).map((e) => e.message)).toEqual([
      'event 96',
      'event 91',
    ]);
  });
});
