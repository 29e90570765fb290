import { bool, children, text } from '../../vsphere/xml-parse';
import type { SnapshotCheck } from '../snapshot';

/** ESXi's service keys: TSM is the ESXi Shell, TSM-SSH the SSH server. */
const SERVICES: Record<string, string> = { TSM: 'ESXi Shell', 'TSM-SSH': 'SSH' };

/** Hosts with the ESXi Shell or SSH running (config.service): an open door that is usually meant to be closed. */
export const hostsShellSsh: SnapshotCheck = {
  id: 'hosts-shell-ssh',
  title: { en: 'Hosts with the ESXi Shell or SSH running', fr: 'Hôtes avec l’ESXi Shell ou SSH démarré' },
  defaults: {},
  columns: ['host', 'cluster', 'service', 'policy'],
  columnLabels: {
    host: { en: 'Host', fr: 'Hôte' },
    cluster: { en: 'Cluster', fr: 'Cluster' },
    service: { en: 'Service', fr: 'Service' },
    policy: { en: 'Startup policy', fr: 'Démarrage' },
  },
  needs: { properties: [{ type: 'HostSystem', paths: ['config.service'] }] },
  identity: ['host', 'service'],
  subjects: { host: 'host' },
  run(snapshot) {
    const rows = [];
    for (const h of snapshot.hosts) {
      for (const s of children(h.props.get('config.service'), 'service')) {
        const label = SERVICES[text(s, 'key') ?? ''];
        if (!label || bool(s, 'running') !== true) continue;
        rows.push({ severity: 'warning' as const, cells: { host: h.name, cluster: h.cluster, service: label, policy: text(s, 'policy') ?? null } });
      }
    }
    return { status: 'rows', rows };
  },
};
