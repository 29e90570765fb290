import { num } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';
import { round1 } from '../thresholds';

const MB = 1024 * 1024;

/** Hosts whose powered-on VMs are configured with more memory than the host has (summary.config.memorySizeMB). */
export const hostsOvercommit: SnapshotCheck = {
  id: 'hosts-overcommit',
  title: { en: 'Hosts whose powered-on VMs have more memory than the host', fr: 'Hôtes dont les VM allumées ont plus de mémoire que l’hôte' },
  defaults: {},
  columns: ['host', 'cluster', 'vms', 'vmMemoryMB', 'hostMemoryMB', 'percent'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
    vms: { en: 'Powered-on VMs', fr: 'VM allumées' },
    vmMemoryMB: { en: 'VM memory (MB)', fr: 'Mémoire des VM (Mo)' },
    hostMemoryMB: { en: 'Host memory (MB)', fr: 'Mémoire de l’hôte (Mo)' },
    percent: { en: 'Allocated (%)', fr: 'Allouée (%)' },
  },
  needs: {
    properties: [
      { type: 'HostSystem', paths: ['summary.hardware.memorySize'] },
      { type: 'VirtualMachine', paths: ['summary.config.memorySizeMB'] },
    ],
  },
  identity: ['host'],
  subjects: { host: 'host' },
  run(snapshot) {
    const perHost = new Map<string, { vms: number; mb: number }>();
    for (const v of snapshot.vms) {
      if (v.template || v.powerState !== 'poweredOn' || v.hostRef === null) continue;
      const cur = perHost.get(v.hostRef) ?? { vms: 0, mb: 0 };
      cur.vms += 1;
      cur.mb += num(v.props.get('summary.config.memorySizeMB')) ?? 0;
      perHost.set(v.hostRef, cur);
    }
    const rows = [];
    for (const h of snapshot.hosts) {
      const bytes = num(h.props.get('summary.hardware.memorySize'));
      const vms = perHost.get(h.ref);
      if (!bytes || !vms) continue;
      const hostMb = Math.round(bytes / MB);
      if (vms.mb <= hostMb) continue;
      rows.push({
        severity: 'warning' as const,
        cells: { host: h.name, cluster: h.cluster, vms: vms.vms, vmMemoryMB: vms.mb, hostMemoryMB: hostMb, percent: round1((vms.mb / hostMb) * 100) },
      });
    }
    return { status: 'rows', rows };
  },
};
