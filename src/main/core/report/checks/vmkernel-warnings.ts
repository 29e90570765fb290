import { CALLS } from '../calls';
import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber } from '../thresholds';

const HOUR_MS = 3_600_000;
const SEVERE = /\b(warning|error|alert)\b/i;

/**
 * The text of a vmkernel line without its time stamp, world/cpu prefix and numbers that vary between
 * repeats, so that the same warning groups into one row with a count.
 * e.g. "2024-05-01T10:00:00.123Z cpu3:2097601)WARNING: NMP: nmp_DeviceRequestFastDeviceProbe:237: ..."
 */
export function vmkernelMessage(line: string): string {
  return line
    .replace(/^\S*\d{4}-\d\d-\d\dT\S+\s+/, '')
    .replace(/^(?:In\(\d+\)|Wa\(\d+\)|Er\(\d+\)|Al\(\d+\))\s+vmkernel:\s*/, '')
    .replace(/^cpu\d+:\d+(?:\s+opID=\S+)?\)/, '')
    .trim();
}

/** vmkernel log lines with a warning or error in the last H hours, per host, grouped with a count. */
export const vmkernelWarnings: SnapshotCheck = {
  id: 'vmkernel-warnings',
  title: { en: 'vmkernel warnings in the last {hours} hours', fr: 'Avertissements vmkernel des {hours} dernières heures' },
  defaults: { hours: 24 },
  columns: ['host', 'message', 'count', 'lastSeen'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    message: { en: 'Message', fr: 'Message' },
    count: { en: 'Count', fr: 'Nombre' },
    lastSeen: { en: 'Last seen', fr: 'Dernière fois' },
  },
  needs: { calls: [CALLS.vmkernelLog] },
  identity: ['host', 'message'],
  subjects: { host: 'host' },
  run(snapshot, t) {
    const since = snapshot.now - thresholdNumber(t, 'hours', 24) * HOUR_MS;
    const hostName = new Map(snapshot.hosts.map((h) => [h.ref, h.name]));
    const groups = new Map<string, { host: string; message: string; count: number; last: number; error: boolean }>();
    for (const l of snapshot.vmkernel ?? []) {
      if (l.time === null || l.time.getTime() < since || !SEVERE.test(l.line)) continue;
      const host = hostName.get(l.hostRef);
      if (host === undefined) continue;
      const message = vmkernelMessage(l.line);
      const key = `${host}\u0000${message}`;
      const g = groups.get(key) ?? { host, message, count: 0, last: 0, error: false };
      g.count++;
      g.last = Math.max(g.last, l.time.getTime());
      g.error ||= /\b(error|alert)\b/i.test(l.line);
      groups.set(key, g);
    }
    const rows = [...groups.values()].map((g) => ({
      severity: g.error ? ('critical' as const) : ('warning' as const),
      cells: { host: g.host, message: g.message, count: g.count, lastSeen: new Date(g.last).toISOString() },
    }));
    return { status: 'rows', rows };
  },
};
