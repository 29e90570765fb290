import type { ColumnSpec } from '../../../../shared/families/descriptor';
import { stateRank } from '../../../../shared/states';
import { isState } from '../../components/state-colors';

export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

function sortValue(value: Cell | undefined, column: ColumnSpec | undefined): number | string | null {
  if (value === null || value === undefined || value === '') return null;
  if (column?.format === 'state' && isState(value)) return stateRank(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  // Numbers that arrive as text (some agents send gauges as strings) still sort as numbers.
  if (column?.unit !== undefined || column?.format === 'number') {
    const n = Number(value);
    if (Number.isFinite(n)) return n;
  }
  return value;
}

/** Sorts rows by one column; empty cells always last, whatever the direction. Stable. */
export function sortRows(
  rows: readonly Row[],
  key: string,
  desc: boolean,
  columns: readonly ColumnSpec[],
): Row[] {
  const column = columns.find((c) => c.key === key);
  const decorated = rows.map((row, i) => ({ row, i, v: sortValue(row[key], column) }));
  decorated.sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    let c: number;
    if (typeof a.v === 'number' && typeof b.v === 'number') c = a.v - b.v;
    else c = collator.compare(String(a.v), String(b.v));
    if (c === 0) return a.i - b.i;
    return desc ? -c : c;
  });
  return decorated.map((d) => d.row);
}

/**
 * Keeps rows where any shown column contains the text, compared on what the user sees (formatted) and on
 * the raw value, case- and accent-insensitively.
 */
export function filterRows(
  rows: readonly Row[],
  query: string,
  columns: readonly ColumnSpec[],
  display: (value: Cell | undefined, column: ColumnSpec) => string,
): Row[] {
  const q = fold(query.trim());
  if (!q) return [...rows];
  return rows.filter((row) =>
    columns.some((c) => {
      const raw = row[c.key];
      return (
        fold(display(raw, c)).includes(q) ||
        (raw !== null && raw !== undefined && fold(String(raw)).includes(q))
      );
    }),
  );
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
