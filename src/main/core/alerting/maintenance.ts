import type { MaintenanceWindow } from '../../../shared/contract/alerting';

const MINUTE = 60_000;

/** Whether a window is in force at `now`; weekly windows follow the console's local time zone (DST included). */
export function windowActive(w: MaintenanceWindow, now: number): boolean {
  const s = w.schedule;
  if (s.type === 'once') return now >= s.start && now < s.end;
  const [hh, mm] = s.start.split(':').map(Number) as [number, number];
  const today = new Date(now);
  // A window may start on an earlier day and run across midnight (up to a week long).
  for (let back = 0; back <= 7; back += 1) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, hh, mm);
    if (!s.days.includes(day.getDay())) continue;
    const start = day.getTime();
    if (now >= start && now < start + s.durationMinutes * MINUTE) return true;
  }
  return false;
}

/** The window in force for a device (by id or by its group), if any. */
export function maintenanceFor(
  windows: readonly MaintenanceWindow[],
  device: { id: string; group: string },
  now: number,
): MaintenanceWindow | null {
  for (const w of windows) {
    if (!w.deviceIds.includes(device.id) && !w.groups.includes(device.group)) continue;
    if (windowActive(w, now)) return w;
  }
  return null;
}
