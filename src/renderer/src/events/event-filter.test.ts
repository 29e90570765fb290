import { describe, expect, it } from 'vitest';
import { EventsQuerySchema, type EventRecord } from '../../../shared/contract/events';
import { eventsQuery, matchesFilter } from './event-filter';

const e: EventRecord = {
  id: 9,
  at: 1,
  deviceId: 'sw1',
  deviceName: 'Core switch',
  severity: 'warning',
  kind: 'trap',
  message: 'linkDown on Gi1/0/3',
};

describe('event filter', () => {
  it('matches live events the way the list is filtered', () => {
    expect(matchesFilter(e, { severity: [], deviceId: null, text: '' })).toBe(true);
    expect(matchesFilter(e, { severity: ['critical'], deviceId: null, text: '' })).toBe(false);
    expect(matchesFilter(e, { severity: ['warning'], deviceId: 'sw2', text: '' })).toBe(false);
    expect(matchesFilter(e, { severity: [], deviceId: 'sw1', text: 'LINKDOWN' })).toBe(true);
    expect(matchesFilter(e, { severity: [], deviceId: null, text: 'core' })).toBe(true);
    expect(matchesFilter(e, { severity: [], deviceId: null, text: 'ups' })).toBe(false);
  });
  it('builds queries the contract accepts, with paging by the oldest id shown', () => {
    const q = eventsQuery({ severity: ['critical'], deviceId: 'sw1', text: ' trap ' }, 120, 100);
    expect(q).toEqual({ limit: 100, severity: ['critical'], deviceId: 'sw1', text: 'trap', before: 120 });
    expect(EventsQuerySchema.safeParse(q).success).toBe(true);
    expect(eventsQuery({ severity: [], deviceId: null, text: '' }, null, 50)).toEqual({ limit: 50 });
  });
  it('filters by type and date range, live and in the query', () => {
    expect(matchesFilter(e, { severity: [], deviceId: null, text: '', kind: ['trap'] })).toBe(true);
    expect(matchesFilter(e, { severity: [], deviceId: null, text: '', kind: ['state', 'audit'] })).toBe(false);
    expect(matchesFilter(e, { severity: [], deviceId: null, text: '', from: 1, to: 1 })).toBe(true);
    expect(matchesFilter(e, { severity: [], deviceId: null, text: '', from: 2, to: null })).toBe(false);
    expect(matchesFilter(e, { severity: [], deviceId: null, text: '', from: null, to: 0 })).toBe(false);
    const q = eventsQuery({ severity: [], deviceId: null, text: '', kind: ['trap', 'audit'], from: 1000, to: 5000 }, 7, 100);
    expect(q).toEqual({ limit: 100, kind: ['trap', 'audit'], from: 1000, to: 5000, before: 7 });
    expect(EventsQuerySchema.safeParse(q).success).toBe(true);
    expect(eventsQuery({ severity: [], deviceId: null, text: '', kind: [], from: null, to: null }, null, 10)).toEqual({ limit: 10 });
  });
});
