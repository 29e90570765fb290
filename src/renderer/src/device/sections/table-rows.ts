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

/** Separates the searchable texts of one row: a query (typed text) never contains it, so never spans two. */
const SEPARATOR = '\u0000';

/**
 * What a row is searched on, once per rows/columns/locale rather than once per keystroke (5,000 VMs × 8
 * columns of formatting is most of a filter's cost): each shown column as the user sees it (formatted) and
 * as its raw value, folded (case- and accent-insensitive).
 */
export function searchTexts(
  rows: readonly Row[],
  columns: readonly ColumnSpec[],
  display: (value: Cell | undefined, column: ColumnSpec) => string,
): ReadonlyMap<Row, string> {
  const out = new Map<Row, string>();
  for (const row of rows) {
    const parts: string[] = [];
    for (const c of columns) {
      const raw = row[c.key];
      parts.push(display(raw, c));
      if (raw !== null && raw !== undefined) parts.push(String(raw));
    }
    out.set(row, fold(parts.join(SEPARATOR)));
  }
  return out;
}

/** Keeps the rows (in their order) whose search text contains the query; all of them for a blank query. */
export function filterBySearch(rows: readonly Row[], texts: ReadonlyMap<Row, string>, query: string): Row[] {
  const q = fold(query.trim());
  if (!q) return [...rows];
  return rows.filter((row) => texts.get(row)?.includes(q) ?? false);
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
  if (!query.trim()) return [...rows];
  return filterBySearch(rows, searchTexts(rows, columns, display), query);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const filled = (v: Cell | undefined): boolean => v !== null && v !== undefined && v !== '';

/**
 * What a table shows of what it was given: columns that no row fills are left out (a simulator or an agent
 * without a counter leaves a whole column of dashes), and so are rows with no value in any remaining column.
 * The first column names the row and always stays.
 */
export function withoutEmpty(
  rows: readonly Row[],
  columns: readonly ColumnSpec[],
): { rows: readonly Row[]; columns: readonly ColumnSpec[] } {
  const kept = columns.filter((c, i) => i === 0 || rows.some((r) => filled(r[c.key])));
  const keptRows = rows.filter((r) => kept.some((c) => filled(r[c.key])));
  return kept.length === columns.length && keptRows.length === rows.length ? { rows, columns } : { rows: keptRows, columns: kept };
}
