import type { RulePreview } from '../../../shared/contract/alerting';
import type { State } from '../../../shared/states';

export interface Segment {
  /** Share of the previewed range, 0…1, from its start. */
  start: number;
  end: number;
  state: State;
  from: number;
  to: number;
}
export interface TimelineRow {
  instance: string;
  segments: Segment[];
  firings: number;
  worst: State;
}

/**
 * One row per instance: the range cut into stretches of one state. The check starts OK at the range's start
 * (the preview evaluates the stored data from there); each transition opens a stretch; stretches of OK are
 * kept so the row has no hole, and zero-length ones (two transitions at one sample) are dropped.
 */
export function timelineRows(p: RulePreview): TimelineRow[] {
  const span = Math.max(1, p.to - p.from);
  const share = (at: number): number => Math.min(1, Math.max(0, (at - p.from) / span));
  return p.instances.map((i) => {
    const segments: Segment[] = [];
    let state: State = 'ok';
    let since = p.from;
    const close = (at: number): void => {
      if (at > since) segments.push({ start: share(since), end: share(at), state, from: since, to: at });
    };
    for (const tr of [...i.transitions].sort((a, b) => a.at - b.at)) {
      if (tr.state === state) continue;
      close(Math.min(p.to, Math.max(p.from, tr.at)));
      state = tr.state;
      since = Math.min(p.to, Math.max(p.from, tr.at));
    }
    close(p.to);
    return { instance: i.instance, segments, firings: i.firings, worst: i.worst };
  });
}

export function totalFirings(p: RulePreview): number {
  return p.instances.reduce((n, i) => n + i.firings, 0);
}
