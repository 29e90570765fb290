import type { MaintenanceWindow } from '../../../shared/contract/alerting';

/** The maintenance form's fields, as the inputs hold them (local date-times, HH:MM). */
export interface MaintenanceForm {
  id: string | null;
  name: string;
  deviceIds: string[];
  groups: string[];
  type: 'once' | 'weekly';
  /** `YYYY-MM-DDTHH:MM` in the console's local time (what a datetime-local input gives). */
  start: string;
  end: string;
  days: number[];
  startTime: string;
  durationMinutes: number;
  comment: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function fromLocalInput(s: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(s);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number);
  const date = new Date(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, 0, 0);
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** A new window: tonight 22:00 for two hours, the usual change slot. */
export function emptyForm(now: number): MaintenanceForm {
  const start = new Date(now);
  start.setHours(22, 0, 0, 0);
  if (start.getTime() <= now) start.setDate(start.getDate() + 1);
  return {
    id: null,
    name: '',
    deviceIds: [],
    groups: [],
    type: 'once',
    start: toLocalInput(start.getTime()),
    end: toLocalInput(start.getTime() + 2 * 3_600_000),
    days: [start.getDay()],
    startTime: '22:00',
    durationMinutes: 120,
    comment: '',
  };
}

export function formOf(w: MaintenanceWindow, now: number): MaintenanceForm {
  const base = emptyForm(now);
  const s = w.schedule;
  return {
    ...base,
    id: w.id,
    name: w.name,
    deviceIds: [...w.deviceIds],
    groups: [...w.groups],
    comment: w.comment,
    ...(s.type === 'once'
      ? { type: 'once', start: toLocalInput(s.start), end: toLocalInput(s.end) }
      : { type: 'weekly', days: [...s.days].sort(), startTime: s.start, durationMinutes: s.durationMinutes }),
  };
}

export type FormResult = { ok: true; window: MaintenanceWindow } | { ok: false; error: string };

/** The window the form describes, or the i18n key of what is missing or wrong. */
export function windowOf(f: MaintenanceForm, newId: () => string): FormResult {
  const name = f.name.trim();
  if (!name) return { ok: false, error: 'maintenance.needName' };
  if (f.deviceIds.length === 0 && f.groups.length === 0) return { ok: false, error: 'maintenance.needTarget' };
  let schedule: MaintenanceWindow['schedule'];
  if (f.type === 'once') {
    const start = fromLocalInput(f.start);
    const end = fromLocalInput(f.end);
    if (start === null || end === null) return { ok: false, error: 'maintenance.badDate' };
    if (end <= start) return { ok: false, error: 'maintenance.endBeforeStart' };
    schedule = { type: 'once', start, end };
  } else {
    if (f.days.length === 0) return { ok: false, error: 'maintenance.needDay' };
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(f.startTime)) return { ok: false, error: 'maintenance.badTime' };
    if (!Number.isInteger(f.durationMinutes) || f.durationMinutes < 1 || f.durationMinutes > 10_080)
      return { ok: false, error: 'maintenance.badDuration' };
    schedule = { type: 'weekly', days: [...new Set(f.days)].sort((a, b) => a - b), start: f.startTime, durationMinutes: f.durationMinutes };
  }
  return {
    ok: true,
    window: { id: f.id ?? newId(), name, deviceIds: f.deviceIds, groups: f.groups, schedule, comment: f.comment.trim() },
  };
}
