/** Health states, ordered from best to worst: a device shows the worst state of its checks. */
export const STATES = ['ok', 'warning', 'critical', 'unknown'] as const;
export type State = (typeof STATES)[number];

// UNKNOWN (unreachable) ranks between WARNING and CRITICAL for the tile colour, as in Nagios-style consoles:
// an unreachable device is worse than a warning, but a confirmed critical failure stays on top.
const RANK: Record<State, number> = { ok: 0, warning: 1, unknown: 2, critical: 3 };

export function worstState(states: Iterable<State>): State {
  let worst: State = 'ok';
  for (const s of states) if (RANK[s] > RANK[worst]) worst = s;
  return worst;
}

export function stateRank(state: State): number {
  return RANK[state];
}
