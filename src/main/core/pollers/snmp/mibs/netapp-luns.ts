import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';
import { combineHighLow } from './netapp-sizes';

/**
 * NETAPP-MIB lunTable (1.3.6.1.4.1.789.1.17.15.2.1), columns as the FAS3270 recording shows them: name 2,
 * comment 3, size low word 4 (signed), high word 5, mapped 6, online 17 (truth values: 2 = true), size in
 * bytes as Counter64 28.
 */
const LUN_ENTRY = '1.3.6.1.4.1.789.1.17.15.2.1';
const COL = { name: 2, comment: 3, sizeLow: 4, sizeHigh: 5, mapped: 6, online: 17, size64: 28 } as const;

export interface LunRow {
  index: string;
  name: string;
  comment: string | null;
  sizeBytes: number | null;
  online: boolean | null;
  mapped: boolean | null;
}

/** NetApp's TruthValue-like enums: 1 false, 2 true. */
function truth(vb: SnmpVarbind | undefined): boolean | null {
  const n = toNumber(vb);
  return n === 2 ? true : n === 1 ? false : null;
}

export function parseLunRow(index: string, col: Map<number, SnmpVarbind>): LunRow | null {
  const name = toText(col.get(COL.name))?.trim();
  if (!name) return null;
  const size64 = col.get(COL.size64);
  const size = size64?.type === 'counter64' ? toNumber(size64) : combineHighLow(toNumber(col.get(COL.sizeHigh)), toNumber(col.get(COL.sizeLow)));
  return {
    index,
    name,
    comment: toText(col.get(COL.comment))?.trim() || null,
    sizeBytes: size,
    online: truth(col.get(COL.online)),
    mapped: truth(col.get(COL.mapped)),
  };
}

export async function readLuns(session: SnmpSession): Promise<LunRow[]> {
  const t = await session.table(LUN_ENTRY, Object.values(COL));
  const rows: LunRow[] = [];
  for (const [index, col] of t) {
    const row = parseLunRow(index, col);
    if (row) rows.push(row);
  }
  return rows;
}
