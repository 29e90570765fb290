import type { ReportThreshold } from '../../../../shared/contract/report';
import type { PropertySelection } from '../../vsphere/property-collector';
import type { SnapshotCheck } from '../snapshot';

/**
 * What to ask one vCenter for, derived from the enabled checks only: the union of their properties (plus
 * the few that place every object in its datacenter, cluster and folders, for the scope filter and the
 * summary), one typed event read over the widest window, one untyped read (error events), one perf read.
 */
export interface CollectPlan {
  properties: PropertySelection[];
  typedEvents: { types: string[]; days: number } | null;
  allEvents: { days: number } | null;
  perf: { counters: string[]; entity: 'VirtualMachine' | 'HostSystem'; days: number } | null;
  /** Required and optional calls of the enabled checks (CALLS values). */
  calls: Set<string>;
}

/** Always read: names, parents and the states the summary counts. */
export const BASE_PROPERTIES: readonly PropertySelection[] = [
  { type: 'HostSystem', paths: ['name', 'parent', 'runtime.connectionState', 'runtime.inMaintenanceMode'] },
  { type: 'VirtualMachine', paths: ['name', 'parent', 'runtime.host', 'runtime.powerState', 'config.template'] },
  { type: 'Datastore', paths: ['name', 'parent', 'host'] },
  { type: 'ClusterComputeResource', paths: ['name', 'parent'] },
  { type: 'ComputeResource', paths: ['name', 'parent'] },
  { type: 'Folder', paths: ['name', 'parent'] },
  { type: 'Datacenter', paths: ['name', 'parent'] },
];

export function mergeSelections(lists: readonly (readonly PropertySelection[])[]): PropertySelection[] {
  const byType = new Map<string, Set<string>>();
  for (const list of lists) {
    for (const s of list) {
      if (s.paths === 'all') throw new Error(`a report check may not ask for every property of ${s.type}`);
      const set = byType.get(s.type) ?? new Set<string>();
      for (const p of s.paths) set.add(p);
      byType.set(s.type, set);
    }
  }
  // A path under another one already read (summary.type under summary) would be sent twice by the server.
  return [...byType].map(([type, set]) => {
    const paths = [...set].filter((p) => ![...set].some((q) => q !== p && p.startsWith(`${q}.`)));
    return { type, paths: paths.sort() };
  });
}

export function buildPlan(checks: readonly { check: SnapshotCheck; thresholds: ReportThreshold }[]): CollectPlan {
  const props: (readonly PropertySelection[])[] = [BASE_PROPERTIES];
  const types = new Set<string>();
  let typedDays = 0;
  let allDays = 0;
  let perf: CollectPlan['perf'] = null;
  const calls = new Set<string>();
  for (const { check, thresholds } of checks) {
    const n = check.needs;
    if (n.properties) props.push(n.properties);
    if (n.events) {
      const days = Math.max(0, n.events.days(thresholds));
      if (n.events.types.length === 0) allDays = Math.max(allDays, days);
      else {
        for (const t of n.events.types) types.add(t);
        typedDays = Math.max(typedDays, days);
      }
    }
    if (n.perf) {
      const days = Math.max(0, n.perf.days(thresholds));
      perf = perf
        ? { counters: [...new Set([...perf.counters, ...n.perf.counters])], entity: n.perf.entity, days: Math.max(perf.days, days) }
        : { counters: [...n.perf.counters], entity: n.perf.entity, days };
    }
    for (const c of [...(n.calls ?? []), ...(n.optionalCalls ?? [])]) calls.add(c);
  }
  return {
    properties: mergeSelections(props),
    typedEvents: types.size > 0 ? { types: [...types].sort(), days: typedDays } : null,
    allEvents: allDays > 0 ? { days: allDays } : null,
    perf,
    calls,
  };
}
