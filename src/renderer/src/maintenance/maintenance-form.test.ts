import { describe, expect, it } from 'vitest';
import { MaintenanceWindowSchema } from '../../../shared/contract/alerting';
import { emptyForm, formOf, fromLocalInput, toLocalInput, windowOf } from './maintenance-form';

const NOW = new Date(2026, 2, 10, 15, 30).getTime();

describe('maintenance form ↔ schema', () => {
  it('makes a one-off window the contract accepts, and reads it back unchanged', () => {
    const f = { ...emptyForm(NOW), name: ' Firmware of core-sw ', deviceIds: ['sw1'], comment: 'change 4711' };
    expect(f.start).toBe('2026-03-10T22:00');
    expect(f.end).toBe('2026-03-11T00:00');
    const r = windowOf(f, () => 'w1');
    if (!r.ok) throw new Error(r.error);
    expect(r.window).toEqual({
      id: 'w1',
      name: 'Firmware of core-sw',
      deviceIds: ['sw1'],
      groups: [],
      schedule: { type: 'once', start: new Date(2026, 2, 10, 22).getTime(), end: new Date(2026, 2, 11, 0).getTime() },
      comment: 'change 4711',
    });
    expect(MaintenanceWindowSchema.parse(r.window)).toEqual(r.window);
    const again = windowOf(formOf(r.window, NOW), () => 'other');
    expect(again).toEqual(r);
  });

  it('makes a weekly window with sorted unique days', () => {
    const f = { ...emptyForm(NOW), name: 'Backups', groups: ['storage'], type: 'weekly' as const, days: [6, 0, 6], startTime: '01:30', durationMinutes: 180 };
    const r = windowOf(f, () => 'w2');
    if (!r.ok) throw new Error(r.error);
    expect(r.window.schedule).toEqual({ type: 'weekly', days: [0, 6], start: '01:30', durationMinutes: 180 });
    expect(MaintenanceWindowSchema.safeParse(r.window).success).toBe(true);
    expect(formOf(r.window, NOW)).toMatchObject({ type: 'weekly', days: [0, 6], startTime: '01:30', durationMinutes: 180, groups: ['storage'] });
  });

  it('names what is missing or wrong', () => {
    const base = { ...emptyForm(NOW), name: 'x', deviceIds: ['a'] };
    expect(windowOf({ ...base, name: ' ' }, () => 'i')).toEqual({ ok: false, error: 'maintenance.needName' });
    expect(windowOf({ ...base, deviceIds: [] }, () => 'i')).toEqual({ ok: false, error: 'maintenance.needTarget' });
    expect(windowOf({ ...base, end: base.start }, () => 'i')).toEqual({ ok: false, error: 'maintenance.endBeforeStart' });
    expect(windowOf({ ...base, start: 'soon' }, () => 'i')).toEqual({ ok: false, error: 'maintenance.badDate' });
    expect(windowOf({ ...base, type: 'weekly', days: [] }, () => 'i')).toEqual({ ok: false, error: 'maintenance.needDay' });
    expect(windowOf({ ...base, type: 'weekly', startTime: '24:00' }, () => 'i')).toEqual({ ok: false, error: 'maintenance.badTime' });
    expect(windowOf({ ...base, type: 'weekly', durationMinutes: 0 }, () => 'i')).toEqual({ ok: false, error: 'maintenance.badDuration' });
  });

  it('round-trips local date-times at minute precision', () => {
    const at = new Date(2026, 11, 31, 23, 59).getTime();
    expect(fromLocalInput(toLocalInput(at))).toBe(at);
    expect(fromLocalInput('2026-12-31 23:59')).toBeNull();
  });
});
