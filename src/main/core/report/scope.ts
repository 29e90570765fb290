import type { ReportScope } from '../../../shared/contract/report';
import type { ParsedInventory } from './collect/inventory';
import { nameMatcher } from './patterns';
import type { ReportEvent } from './snapshot';

interface Placed {
  datacenter: string | null;
  cluster: string | null;
  folders: readonly string[];
}

/**
 * The profile's scope: datacenters, clusters and folders to keep (patterns; an empty list keeps all). An
 * object is in scope when it passes every non-empty list. A datastore has no cluster of its own: under a
 * cluster or folder filter it is in scope when a host in scope mounts it (or its own folder matches).
 */
export function scopeFilter(scope: ReportScope): {
  inventory(inv: ParsedInventory): ParsedInventory;
  events(events: readonly ReportEvent[], kept: ParsedInventory, all: ParsedInventory): ReportEvent[];
} {
  const dc = nameMatcher(scope.datacenters);
  const cl = nameMatcher(scope.clusters);
  const fo = nameMatcher(scope.folders);
  const keep = (p: Placed): boolean =>
    (dc.empty || dc.test(p.datacenter)) && (cl.empty || cl.test(p.cluster)) && (fo.empty || p.folders.some((f) => fo.test(f)));
  const everything = dc.empty && cl.empty && fo.empty;
  return {
    inventory(inv) {
      if (everything) return inv;
      const hosts = inv.hosts.filter(keep);
      const hostRefs = new Set(hosts.map((h) => h.ref));
      return {
        hosts,
        vms: inv.vms.filter(keep),
        clusters: inv.clusters.filter((c) => keep({ ...c, cluster: c.name })),
        // Networks and folders sit outside clusters: only the datacenter filter applies to them.
        entities: inv.entities.filter((e) => dc.empty || dc.test(e.datacenter)),
        datastores: inv.datastores.filter((d) => {
          if (!dc.empty && !dc.test(d.datacenter)) return false;
          if (cl.empty && fo.empty) return true;
          return d.hostRefs.some((h) => hostRefs.has(h)) || (cl.empty && d.folders.some((f) => fo.test(f)));
        }),
      };
    },
    events(events, kept, all) {
      if (everything) return [...events];
      const keptVms = new Set(kept.vms.map((v) => v.ref));
      const keptHosts = new Set(kept.hosts.map((h) => h.ref));
      const known = new Set([...all.vms.map((v) => v.ref), ...all.hosts.map((h) => h.ref)]);
      return events.filter((e) => {
        if (e.vmRef !== null && known.has(e.vmRef)) return keptVms.has(e.vmRef);
        if (e.vmRef === null && e.hostRef !== null && known.has(e.hostRef)) return keptHosts.has(e.hostRef);
        // The object is gone (a removed VM): judge by the names the event carries; a folder is unknown.
        return (dc.empty || dc.test(e.datacenter)) && (cl.empty || cl.test(e.computeResource));
      });
    },
  };
}
