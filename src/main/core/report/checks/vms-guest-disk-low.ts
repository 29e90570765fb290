import { arrayItems, num, text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';
import { round1, thresholdNumber } from '../thresholds';

const MB = 1024 * 1024;

/**
 * Guest filesystems (guest.disk, from VMware Tools) with less than X MB or Y % free; critical when both.
 * Powered-on VMs whose Tools do not run report no guest disk: they are named in the section's note, not
 * silently skipped.
 */
export const vmsGuestDiskLow: SnapshotCheck = {
  id: 'vms-guest-disk-low',
  title: { en: 'Guest filesystems with less than {mb} MB or {percent} % free', fr: 'Systèmes de fichiers invités avec moins de {mb} Mo ou {percent} % libres' },
  defaults: { mb: 1024, percent: 10 },
  columns: ['vm', 'host', 'disk', 'capacityMB', 'freeMB', 'percentFree'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    disk: { en: 'Filesystem', fr: 'Système de fichiers' },
    capacityMB: { en: 'Capacity (MB)', fr: 'Capacité (Mo)' },
    freeMB: { en: 'Free (MB)', fr: 'Libre (Mo)' },
    percentFree: { en: 'Free (%)', fr: 'Libre (%)' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['guest.disk', 'guest.toolsRunningStatus'] }] },
  identity: ['vm', 'disk'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot, t) {
    const minMb = thresholdNumber(t, 'mb', 1024);
    const minPct = thresholdNumber(t, 'percent', 10);
    const rows = [];
    const noTools: string[] = [];
    for (const v of snapshot.vms) {
      if (v.template || v.powerState !== 'poweredOn') continue;
      if (v.toolsRunningStatus !== 'guestToolsRunning') {
        noTools.push(v.name);
        continue;
      }
      for (const d of arrayItems(v.props.get('guest.disk'))) {
        const capacity = num(d, 'capacity') ?? 0;
        const free = num(d, 'freeSpace');
        if (capacity <= 0 || free === undefined) continue;
        const freeMb = free / MB;
        const pct = (free / capacity) * 100;
        const lowMb = freeMb < minMb;
        const lowPct = pct < minPct;
        if (!lowMb && !lowPct) continue;
        rows.push({
          severity: lowMb && lowPct ? ('critical' as const) : ('warning' as const),
          cells: { vm: v.name, host: v.host, disk: text(d, 'diskPath') ?? '', capacityMB: Math.round(capacity / MB), freeMB: Math.round(freeMb), percentFree: round1(pct) },
        });
      }
    }
    noTools.sort((a, b) => a.localeCompare(b));
    const message = noTools.length > 0 ? `guest disks unknown, VMware Tools not running on ${noTools.length} powered-on VM(s): ${noTools.join(', ')}` : null;
    return { status: 'rows', rows, message };
  },
};
