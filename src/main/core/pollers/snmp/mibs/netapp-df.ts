import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';
import { enumText } from './enum-text';
import { dfKilobytes } from './netapp-sizes';

/** NETAPP-MIB dfTable (space per aggregate / volume / snapshot area), with volTable and aggrTable states. */
const DF_ENTRY = '1.3.6.1.4.1.789.1.5.4.1';
const VOL_ENTRY = '1.3.6.1.4.1.789.1.5.8.1';
const AGGR_ENTRY = '1.3.6.1.4.1.789.1.5.11.1';

const DF = {
  fileSys: 2,
  kbTotal: 3,
  kbUsed: 4,
  kbAvail: 5,
  percentKb: 6,
  percentInode: 9,
  mountedOn: 10,
  highTotal: 14,
  lowTotal: 15,
  highUsed: 16,
  lowUsed: 17,
  highAvail: 18,
  lowAvail: 19,
  status: 20,
  mirrorStatus: 21,
  type: 23,
  total64: 29,
  used64: 30,
  avail64: 31,
} as const;

export const DF_TYPE: Record<number, string> = {
  1: 'traditionalVolume',
  2: 'flexibleVolume',
  3: 'aggregate',
  4: 'stripedAggregate',
  5: 'stripedVolume',
};
export const DF_STATUS: Record<number, string> = {
  1: 'unmounted',
  2: 'mounted',
  3: 'frozen',
  4: 'destroying',
  5: 'creating',
  6: 'mounting',
  7: 'unmounting',
  8: 'nofsinfo',
  9: 'replaying',
  10: 'replayed',
};

export interface DfRow {
  index: string;
  /** dfFileSys as the filer says it: "/vol/vol0/", "aggr1", "/vol/vol0/.snapshot". */
  path: string;
  /** Short name: the volume or aggregate name without "/vol/" and slashes. */
  name: string;
  kind: 'aggregate' | 'volume';
  /** A snapshot reserve row ("…/.snapshot"): shown with its parent, never alerted on. */
  snapshot: boolean;
  type: string | null;
  status: string | null;
  totalBytes: number | null;
  usedBytes: number | null;
  availableBytes: number | null;
  /** Computed from used / total when both are known, else the agent's own rounded percentage. */
  usedPercent: number | null;
  inodePercent: number | null;
}

function num(col: Map<number, SnmpVarbind>, c: number): number | null {
  return toNumber(col.get(c));
}

/** "/vol/Mail1/" → "Mail1", "/vol/dir1" → "dir1", "aggr0" → "aggr0", ".../.snapshot" → parent's name. */
export function dfShortName(path: string): string {
  const trimmed = path.replace(/\/?\.snapshot\/?$/, '').replace(/\/+$/, '');
  const m = /^\/vol\/(.+)$/.exec(trimmed);
  return m?.[1] ?? trimmed;
}

export function parseDfRow(index: string, col: Map<number, SnmpVarbind>): DfRow | null {
  const path = toText(col.get(DF.fileSys))?.trim();
  if (!path) return null;
  const typeCode = num(col, DF.type);
  const snapshot = /\.snapshot\/?$/.test(path);
  const kind = typeCode === 3 || typeCode === 4 || (typeCode === null && !path.startsWith('/vol/')) ? 'aggregate' : 'volume';
  const percentKb = num(col, DF.percentKb);
  const totalKb = dfKilobytes({ kb64: num(col, DF.total64), high: num(col, DF.highTotal), low: num(col, DF.lowTotal), raw32: num(col, DF.kbTotal) });
  const usedKb = dfKilobytes(
    { kb64: num(col, DF.used64), high: num(col, DF.highUsed), low: num(col, DF.lowUsed), raw32: num(col, DF.kbUsed) },
    { expected: totalKb !== null && percentKb !== null ? (percentKb / 100) * totalKb : null },
  );
  const availKb = dfKilobytes(
    { kb64: num(col, DF.avail64), high: num(col, DF.highAvail), low: num(col, DF.lowAvail), raw32: num(col, DF.kbAvail) },
    { expected: totalKb !== null && usedKb !== null ? Math.max(0, totalKb - usedKb) : null, max: totalKb },
  );
  const usedPercent = totalKb !== null && usedKb !== null && totalKb > 0 ? (usedKb / totalKb) * 100 : percentKb;
  return {
    index,
    path,
    name: dfShortName(path),
    kind,
    snapshot,
    type: enumText(DF_TYPE, typeCode),
    status: enumText(DF_STATUS, num(col, DF.status)),
    totalBytes: totalKb === null ? null : totalKb * 1024,
    usedBytes: usedKb === null ? null : usedKb * 1024,
    availableBytes: availKb === null ? null : availKb * 1024,
    usedPercent,
    inodePercent: num(col, DF.percentInode),
  };
}

export async function readDfTable(session: SnmpSession): Promise<DfRow[]> {
  const t = await session.table(DF_ENTRY, Object.values(DF));
  const rows: DfRow[] = [];
  for (const [index, col] of t) {
    const row = parseDfRow(index, col);
    if (row) rows.push(row);
  }
  return rows;
}

export interface VolumeState {
  name: string;
  /** volState / aggrState text: online, offline, restricted... */
  state: string | null;
  /** volStatus / aggrStatus text, e.g. "raid_dp, 64-bit". */
  status: string | null;
  /** Containing aggregate (volumes only). */
  aggregate: string | null;
}

async function readStates(session: SnmpSession, entry: string, aggregateColumn: number | null): Promise<Map<string, VolumeState>> {
  const cols = aggregateColumn === null ? [2, 5, 6] : [2, 5, 6, aggregateColumn];
  const t = await session.table(entry, cols);
  const out = new Map<string, VolumeState>();
  for (const col of t.values()) {
    const name = toText(col.get(2))?.trim();
    if (!name) continue;
    out.set(name, {
      name,
      state: toText(col.get(5))?.trim() || null,
      status: toText(col.get(6))?.trim() || null,
      aggregate: aggregateColumn === null ? null : toText(col.get(aggregateColumn))?.trim() || null,
    });
  }
  return out;
}

/** volTable (name col 2, state 5, status 6, containing aggregate 9), keyed by volume name. */
export function readVolumeStates(session: SnmpSession): Promise<Map<string, VolumeState>> {
  return readStates(session, VOL_ENTRY, 9);
}

/** aggrTable (name col 2, state 5, status 6), keyed by aggregate name. */
export function readAggregateStates(session: SnmpSession): Promise<Map<string, VolumeState>> {
  return readStates(session, AGGR_ENTRY, null);
}
