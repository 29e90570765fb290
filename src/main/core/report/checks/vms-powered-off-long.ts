import type { ReportThreshold } from '../../../../shared/contract/report';
import type { SnapshotCheck } from '../snapshot';
import { thresholdNumber, wholeDays } from '../thresholds';

const TYPES = ['VmPoweredOffEvent'];

/**
 * The events read for this check: at least 30 days (vCenter's default event retention) and twice the
 * threshold, so that "off for N days" is known from the event whenever vCenter still keeps it.
 */
export const poweredOffWindowDays = (t: ReportThreshold): number => Math.max(30, 2 * thresholdNumber(t, 'days', 7));

/**
 * VMs powered off for more than N days, dated by their last VmPoweredOffEvent. A VM with no power-off event
 * in the window read was off before it (or its event is past the vCenter's retention): it is listed with an
 * unknown date, never a made-up one.
 */
export const vmsPoweredOffLong: SnapshotCheck = {
  id: 'vms-powered-off-long',
  title: { en: 'VMs powered off for more than {days} days', fr: 'VM éteintes depuis plus de {days} jours' },
  defaults: { days: 7 },
  columns: ['vm', 'host', 'poweredOffSince', 'daysOff'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    poweredOffSince: { en: 'Powered off since', fr: 'Éteinte depuis' },
    daysOff: { en: 'Days off', fr: 'Jours éteinte' },
  },
  needs: { events: { types: TYPES, days: poweredOffWindowDays } },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot, t) {
    const days = thresholdNumber(t, 'days', 7);
    const window = poweredOffWindowDays(t);
    const since = snapshot.now - window * 86_400_000;
    const lastOff = new Map<string, Date>();
    for (const e of snapshot.events) {
      if (e.vmRef === null || !TYPES.includes(e.type) || e.time.getTime() < since) continue;
      const had = lastOff.get(e.vmRef);
      if (!had || had < e.time) lastOff.set(e.vmRef, e.time);
    }
    const rows = [];
    let unknown = 0;
    for (const v of snapshot.vms) {
      if (v.template || v.powerState !== 'poweredOff') continue;
      const off = lastOff.get(v.ref);
      if (off) {
        const d = wholeDays(off.getTime(), snapshot.now);
        if (d < days) continue;
        rows.push({ severity: 'warning' as const, cells: { vm: v.name, host: v.host, poweredOffSince: off.toISOString(), daysOff: d } });
      } else {
        unknown += 1;
        rows.push({ severity: 'warning' as const, cells: { vm: v.name, host: v.host, poweredOffSince: null, daysOff: null } });
      }
    }
    const message = unknown > 0 ? `${unknown} VM(s) with no power-off event in the last ${window} days (older, or past the vCenter's event retention): powered off since an unknown date` : null;
    return { status: 'rows', rows, message };
  },
};
