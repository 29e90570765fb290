import { num } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** Powered-on VMs with ballooned or swapped memory (quick stats, MB): swapping is critical, ballooning a warning. */
export const vmsBalloonSwap: SnapshotCheck = {
  id: 'vms-balloon-swap',
  title: { en: 'VMs with ballooned or swapped memory', fr: 'VM avec de la mémoire récupérée par ballon ou swappée' },
  defaults: {},
  columns: ['vm', 'host', 'balloonedMB', 'swappedMB'],
  columnLabels: {
    vm: { en: 'VM', fr: 'VM' },
    host: { en: 'Host', fr: 'Hôte' },
    balloonedMB: { en: 'Ballooned (MB)', fr: 'Ballon (Mo)' },
    swappedMB: { en: 'Swapped (MB)', fr: 'Swappée (Mo)' },
  },
  needs: { properties: [{ type: 'VirtualMachine', paths: ['summary.quickStats.balloonedMemory', 'summary.quickStats.swappedMemory'] }] },
  identity: ['vm'],
  subjects: { vm: 'vm', host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const v of snapshot.vms) {
      if (v.powerState !== 'poweredOn') continue;
      const ballooned = num(v.props.get('summary.quickStats.balloonedMemory')) ?? 0;
      const swapped = num(v.props.get('summary.quickStats.swappedMemory')) ?? 0;
      if (ballooned <= 0 && swapped <= 0) continue;
      rows.push({ severity: swapped > 0 ? ('critical' as const) : ('warning' as const), cells: { vm: v.name, host: v.host, balloonedMB: ballooned, swappedMB: swapped } });
    }
    return { status: 'rows', rows };
  },
};
