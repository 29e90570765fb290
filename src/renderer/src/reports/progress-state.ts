import type { ReportProgress, ReportStep } from '../../../shared/contract/report';

export const COLLECT_STEPS = ['connect', 'inventory', 'events', 'performance', 'checks'] as const satisfies readonly ReportStep[];
const ORDER: readonly ReportStep[] = [...COLLECT_STEPS, 'render'];

export type CellState = 'pending' | 'running' | 'done' | 'failed' | 'cancelled';
export interface StepCell {
  fraction: number;
  state: CellState;
}
export type RunState = ReportProgress['state'];

/** One row of the progress table: a vCenter, or the run as a whole (vcenter null: rendering). */
export interface ProgressRow {
  vcenter: string | null;
  cells: Partial<Record<ReportStep, StepCell>>;
}

export interface RunView {
  runId: string;
  profile: string;
  state: RunState;
  message: string | null;
  rows: ProgressRow[];
}

/** The steps a row has a bar for: collection steps per vCenter, rendering for the run as a whole. */
export function stepsOf(row: ProgressRow): readonly ReportStep[] {
  return row.vcenter === null ? ['render'] : COLLECT_STEPS;
}

function cellFor(p: ReportProgress): StepCell {
  if (p.state === 'running') return { fraction: p.fraction, state: p.fraction >= 1 ? 'done' : 'running' };
  return { fraction: p.state === 'done' ? 1 : p.fraction, state: p.state };
}

/**
 * Folds one progress event into a run's view. A later step of a row completes its earlier ones (a step the
 * enabled checks do not need may never be announced); the run ends with an event for the run as a whole
 * (vcenter null) that is not 'running', or with any cancellation; an ended run's untouched bars read done
 * only when the run succeeded.
 */
export function applyProgress(run: RunView | undefined, p: ReportProgress): RunView {
  const base: RunView = run ?? { runId: p.runId, profile: p.profile, state: 'running', message: null, rows: [] };
  const rows = base.rows.some((r) => r.vcenter === p.vcenter)
    ? base.rows
    : [...base.rows, { vcenter: p.vcenter, cells: {} }].sort((a, b) => (a.vcenter === null ? 1 : b.vcenter === null ? -1 : 0));
  const at = ORDER.indexOf(p.step);
  const nextRows = rows.map((row) => {
    if (row.vcenter !== p.vcenter) return row;
    const cells: ProgressRow['cells'] = { ...row.cells };
    for (const s of ORDER.slice(0, at)) {
      const c = cells[s];
      if (!c || c.state === 'running' || c.state === 'pending') cells[s] = { fraction: 1, state: 'done' };
    }
    cells[p.step] = cellFor(p);
    return { ...row, cells };
  });
  const ends = p.state === 'cancelled' || (p.vcenter === null && p.state !== 'running');
  const state: RunState = ends ? p.state : base.state;
  const finalRows =
    ends && state === 'done'
      ? nextRows.map((row) => ({
          ...row,
          cells: Object.fromEntries(stepsOf(row).map((s) => [s, row.cells[s] ?? { fraction: 1, state: 'done' }])),
        }))
      : nextRows;
  return { ...base, state, message: p.message ?? base.message, rows: finalRows };
}
