import { UNITS, type Unit } from '../../../shared/units';
import { decodeStaging } from './ingest';
import { appendSample } from './open-samples';
import { isSeriesHistory } from './series-history';
import { newSeries } from './series-registry';
import { sealedUntil, type PassState, type StoreContext } from './store-context';

interface SeriesRow {
  id: number;
  device_id: string;
  metric: string;
  instance: string;
  unit: string;
  history: string;
  last_at: number | null;
  last_value: number | null;
}

interface PassRow {
  tier: number;
  sealed: number;
  target: number | null;
  cursor: number;
  dropped: number;
}

const KNOWN_UNITS = new Set<string>(UNITS);

/**
 * Rebuilds the in-memory state after open: sealing progress, the series and their last sealed value, then the
 * unsealed samples replayed from the staging log (skipping series deleted since and samples already sealed by
 * a pass that was interrupted).
 */
export function loadState(ctx: StoreContext): void {
  const passRows = ctx.db.prepare<[], PassRow>('SELECT tier, sealed, target, cursor, dropped FROM pass').all();
  ctx.passes = ctx.tiers.map((_, tier): PassState => {
    const row = passRows.find((r) => r.tier === tier);
    return row ? { sealed: row.sealed, target: row.target, cursor: row.cursor, dropped: row.dropped } : { sealed: 0, target: null, cursor: 0, dropped: 0 };
  });
  let clock = Math.max(0, ...ctx.passes.map((p) => p.sealed));
  for (const row of ctx.db.prepare<[], SeriesRow>('SELECT id, device_id, metric, instance, unit, history, last_at, last_value FROM series ORDER BY id').iterate()) {
    const unit: Unit = KNOWN_UNITS.has(row.unit) ? (row.unit as Unit) : '';
    const s = newSeries(row.id, row.device_id, row.metric, row.instance, unit, isSeriesHistory(row.history) ? row.history : 'full');
    if (row.last_at !== null && row.last_value !== null) {
      s.restoreLast(row.last_at, row.last_value);
      clock = Math.max(clock, row.last_at);
    }
    ctx.registry.add(s);
  }
  const staging = ctx.db.prepare<[], { at: number; data: Buffer }>('SELECT at, data FROM staging ORDER BY id');
  for (const row of staging.iterate()) {
    const { values, sids } = decodeStaging(row.data);
    for (let i = 0; i < sids.length; i++) {
      const s = ctx.registry.sid(sids[i]!);
      if (!s || row.at <= s.lastAt || row.at < sealedUntil(ctx, 0, s)) continue;
      appendSample(s, row.at, values[i]!);
    }
    clock = Math.max(clock, row.at);
  }
  ctx.clock = clock;
}
