import { openMetricStore } from '../src/main/core/store/sqlite-metric-store';
import { chunkWindow, DAY, DEFAULT_TIERS } from '../src/main/core/store/tiers';
import { finestTier, type SeriesHistory } from '../src/main/core/store/series-history';
import { makeSeries, PROFILES, type Profile } from './store-data';

export interface SizeReport {
  days: number;
  /** Steady-state bytes per series at the default tiers, by profile (mean of its series). */
  steady: Map<Profile, number>;
  /** The same, split: bytes per series in each tier (raw, 5m, 1h, 1d), then the open 5m day, then staging. */
  steadyParts: Map<Profile, number[]>;
  /** Bytes per series actually used by the file after the run (all profiles, everything included). */
  runBytesPerSeries: number;
  /** SQLite's cost per chunk row beyond its blob (cell, pointer, page slack, overflow), measured by dbstat. */
  rowOverhead: number;
  chunksPerTier: number[];
}

const CHUNK_BITS = 2 ** 25 * 2 ** 26;

/**
 * Size per series at full retention. Reaching the 5-year steady state through the real pipeline would take
 * 2.6 million poll cycles, so the real pipeline runs for `days` (every tier seals several full chunks), and
 * the steady state is: for each tier, the most chunks retention keeps (ceil(retention / chunk) + 1) × the
 * measured mean size of that tier's full chunks + the measured SQLite row overhead, plus the open day of the
 * 5m tier and the unsealed hour.
 * Chunks do not grow with age (a 1-d chunk three years old holds the same 56 buckets), so this is exact up
 * to the data's own variation. Days are simulated in one outer transaction each: the commit cost is not what
 * is measured here, and the bytes written are the same.
 */
export interface SizeOptions {
  /** Profiles measured (default: every profile and the random worst case). */
  profiles?: readonly Profile[];
  /** The history policy every series is written with (default: full). */
  history?: SeriesHistory;
}

export function measureSize(days: number, perProfile: number, options: SizeOptions = {}): SizeReport {
  const profiles: Profile[] = options.profiles ? [...options.profiles] : [...PROFILES, 'random'];
  const series = makeSeries(profiles.length * perProfile, profiles, 7);
  if (options.history) for (const s of series) s.sample.history = options.history;
  const store = openMetricStore(':memory:');
  const step = 60_000;
  // Aligned to the coarsest chunk so that every sealed chunk after t0 is a full one.
  const t0 = Math.ceil(Date.UTC(2023, 0, 1) / (56 * DAY)) * 56 * DAY;
  const samples = series.map((s) => s.sample);
  const simulateDay = store.database.transaction((d: number) => {
    for (let c = 0; c < 1440; c++) {
      const t = t0 + (d * 1440 + c) * step;
      for (const s of series) s.sample.value = s.next(t);
      store.ingest(t, samples);
      store.maintain(t);
    }
  });
  for (let d = 0; d < days; d++) simulateDay(d);
  const db = store.database;
  // Sealed chunks only (the view `chunks` also shows the open days, counted apart below).
  const rows = db
    .prepare<[], { id: number; len: number }>(
      'SELECT id, length(data) AS len FROM chunk_raw UNION ALL SELECT id, length(data) FROM chunk_5m UNION ALL SELECT id, length(data) FROM chunk_1h UNION ALL SELECT id, length(data) FROM chunk_1d',
    )
    .all();
  const openRows = (db.prepare('SELECT count(*) AS n FROM open_segment').get() as { n: number }).n;
  const chunkPages =
    db.prepare<[], { bytes: number | null }>("SELECT sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'chunk\\_%' ESCAPE '\\' OR name = 'open_segment'").get()?.bytes ?? 0;
  const openTotal = db.prepare<[], { b: number | null }>('SELECT sum(length(data)) AS b FROM open_segment').get()?.b ?? 0;
  const blobBytes = rows.reduce((sum, r) => sum + r.len, 0) + openTotal;
  const rowOverhead = rows.length + openRows ? (chunkPages - blobBytes) / (rows.length + openRows) : 0;
  const profileOf = new Map(series.map((s) => [s.key, s.profile] as const));
  const bySid = new Map<number, Profile>();
  const seriesRows = db.prepare<[], { id: number; key: string }>("SELECT id, device_id || '|' || metric || '|' || instance AS key FROM series").all();
  for (const r of seriesRows) bySid.set(r.id, profileOf.get(r.key)!);
  const openBytes = new Map<number, number>();
  for (const r of db.prepare<[], { id: number; len: number }>('SELECT id, length(data) AS len FROM open_segment').all()) {
    openBytes.set(r.id % 2 ** 25, (openBytes.get(r.id % 2 ** 25) ?? 0) + r.len + rowOverhead);
  }
  const sums = new Map<string, { bytes: number; n: number }>();
  const chunksPerTier = [0, 0, 0, 0];
  for (const r of rows) {
    const tier = Math.floor(r.id / CHUNK_BITS);
    const sid = r.id % 2 ** 25;
    const windowStart = chunkWindow(r.id) * DEFAULT_TIERS[tier]!.chunkMs;
    chunksPerTier[tier]!++;
    if (windowStart < t0) continue;
    const k = `${tier}:${sid}`;
    const acc = sums.get(k) ?? { bytes: 0, n: 0 };
    acc.bytes += r.len;
    acc.n++;
    sums.set(k, acc);
  }
  const steady = new Map<Profile, number>();
  const steadyParts = new Map<Profile, number[]>();
  for (const profile of profiles) {
    const sids = [...bySid].filter(([, p]) => p === profile).map(([sid]) => sid);
    const parts = [0, 0, 0, 0, 0, 0];
    for (const sid of sids) {
      DEFAULT_TIERS.forEach((spec, tier) => {
        const acc = sums.get(`${tier}:${sid}`);
        // A tier the policy does not keep costs nothing, not empty rows.
        if (tier < finestTier(options.history ?? 'full')) return;
        const mean = acc ? acc.bytes / acc.n : 0;
        parts[tier]! += (Math.ceil(spec.retentionMs / spec.chunkMs) + 1) * (mean + rowOverhead);
      });
      // The open day of the 5m tier, its segments (measured at the run's end, 23:59: nearly a whole day).
      parts[4]! += openBytes.get(sid) ?? 0;
      // The unsealed hour (plus grace) in the staging log: 65 samples of 12 bytes at 60 s.
      parts[5]! += 65 * 12;
    }
    const perSeries = parts.map((p) => p / sids.length);
    steadyParts.set(profile, perSeries);
    steady.set(profile, perSeries.reduce((a, b) => a + b, 0));
  }
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  const runBytesPerSeries = store.stats().usedBytes / series.length;
  store.close();
  return { days, steady, steadyParts, runBytesPerSeries, rowOverhead, chunksPerTier };
}
