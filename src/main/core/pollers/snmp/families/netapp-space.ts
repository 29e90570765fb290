import type { Row } from '../../source';
import type { MetricList } from '../../metric-list';
import type { DfRow, VolumeState } from '../mibs/netapp-df';
import type { LunRow } from '../mibs/netapp-luns';
import { spaceState } from './netapp-rules';

type Problem = { severity: 'warning' | 'critical'; message: string };

export interface SpaceResult {
  aggregates: Row[];
  volumes: Row[];
  luns: Row[];
  problems: Problem[];
  /** Highest used % among volumes and aggregates (the tile's figure). */
  fullestPercent: number | null;
}

const round1 = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/** Offline or restricted is a problem; a state the filer does not report is not. */
function stateProblem(kind: string, name: string, state: string | null): Problem | null {
  if (!state || /^online$/i.test(state)) return null;
  return { severity: 'warning', message: `${kind} ${name} is ${state}` };
}

/**
 * dfTable rows → the page's aggregates and volumes tables and their space metrics. Snapshot reserve rows
 * are folded into their parent's row (snapshot %) and never alerted on: a reserve over 100 % is routine.
 */
export function spaceFromDf(
  df: DfRow[],
  volStates: Map<string, VolumeState>,
  aggrStates: Map<string, VolumeState>,
  metrics: MetricList,
): Omit<SpaceResult, 'luns'> {
  const snapshots = new Map<string, DfRow>();
  for (const r of df) if (r.snapshot) snapshots.set(`${r.kind}|${r.name}`, r);
  const aggregates: Row[] = [];
  const volumes: Row[] = [];
  const problems: Problem[] = [];
  let fullest: number | null = null;

  for (const r of df) {
    if (r.snapshot) continue;
    const states = r.kind === 'aggregate' ? aggrStates : volStates;
    const st = states.get(r.name);
    const prefix = r.kind === 'aggregate' ? 'aggregate' : 'volume';
    metrics.add(`${prefix}.used.percent`, r.usedPercent, 'percent', r.name);
    metrics.add(`${prefix}.inodes.percent`, r.inodePercent, 'percent', r.name);
    metrics.add(`${prefix}.used`, r.usedBytes, 'bytes', r.name);
    metrics.add(`${prefix}.total`, r.totalBytes, 'bytes', r.name);
    metrics.add(`${prefix}.available`, r.availableBytes, 'bytes', r.name);
    if (r.usedPercent !== null) fullest = Math.max(fullest ?? 0, r.usedPercent);
    const state = st?.state ?? r.status;
    const problem = stateProblem(r.kind === 'aggregate' ? 'Aggregate' : 'Volume', r.name, st?.state ?? null);
    if (problem) problems.push(problem);
    const worstPercent = Math.max(r.usedPercent ?? 0, r.inodePercent ?? 0);
    const health = problem ? 'warning' : spaceState(r.usedPercent === null && r.inodePercent === null ? null : worstPercent);
    const snap = snapshots.get(`${r.kind}|${r.name}`);
    const row: Row = {
      name: r.name,
      path: r.path,
      type: r.type,
      state,
      total: r.totalBytes,
      used: r.usedBytes,
      available: r.availableBytes,
      usedPercent: round1(r.usedPercent),
      inodePercent: r.inodePercent,
      snapshotPercent: round1(snap?.usedPercent ?? null),
      health,
    };
    if (r.kind === 'aggregate') aggregates.push({ ...row, raid: st?.status ?? null });
    else volumes.push({ ...row, aggregate: st?.aggregate ?? null });
  }
  // An offline volume or aggregate has no space figures (no dfTable row) but must still show, with its state.
  const listed = new Set(df.filter((r) => !r.snapshot).map((r) => `${r.kind}|${r.name}`));
  const unlisted = (kind: 'aggregate' | 'volume', states: Map<string, VolumeState>): VolumeState[] =>
    [...states.values()].filter((s) => !listed.has(`${kind}|${s.name}`));
  for (const [kind, states, rows] of [
    ['aggregate', aggrStates, aggregates],
    ['volume', volStates, volumes],
  ] as const) {
    for (const st of unlisted(kind, states)) {
      const problem = stateProblem(kind === 'aggregate' ? 'Aggregate' : 'Volume', st.name, st.state);
      if (problem) problems.push(problem);
      const row: Row = { name: st.name, path: null, type: null, state: st.state, total: null, used: null, available: null, usedPercent: null, inodePercent: null, snapshotPercent: null, health: problem ? 'warning' : 'unknown' };
      rows.push(kind === 'aggregate' ? { ...row, raid: st.status } : { ...row, aggregate: st.aggregate });
    }
  }
  return { aggregates, volumes, problems, fullestPercent: fullest };
}

export function lunRows(luns: LunRow[], metrics: MetricList): { rows: Row[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows = luns.map((l): Row => {
    metrics.add('lun.size', l.sizeBytes, 'bytes', l.name);
    metrics.flag('lun.online', l.online, l.name);
    if (l.online === false) problems.push({ severity: 'warning', message: `LUN ${l.name} is offline` });
    return {
      name: l.name,
      comment: l.comment,
      size: l.sizeBytes,
      online: l.online,
      mapped: l.mapped,
      health: l.online === false ? 'warning' : l.online === null ? 'unknown' : 'ok',
    };
  });
  return { rows, problems };
}
