import { describe, expect, it } from 'vitest';
import type { ColumnSpec } from '../../../../shared/families/descriptor';
import { filterRows, sortRows, withoutEmpty, type Cell, type Row } from './table-rows';

const l = (s: string): { en: string; fr: string } => ({ en: s, fr: s });
const columns: ColumnSpec[] = [
  { key: 'name', label: l('Name') },
  { key: 'used', label: l('Used'), unit: 'percent' },
  { key: 'health', label: l('Health'), format: 'state' },
  { key: 'online', label: l('Online'), format: 'boolean' },
];
const rows: Row[] = [
  { name: 'vol10', used: 55, health: 'ok', online: true },
  { name: 'vol2', used: '98.2', health: 'critical', online: false },
  { name: 'Éléments', used: null, health: 'warning', online: true },
  { name: 'vol1', used: 7, health: 'unknown', online: true },
];
const names = (list: Row[]): unknown[] => list.map((r) => r.name);

describe('sortRows', () => {
  it('sorts numbers numerically, numbers sent as text included, empty cells last both ways', () => {
    expect(names(sortRows(rows, 'used', false, columns))).toEqual(['vol1', 'vol10', 'vol2', 'Éléments']);
    expect(names(sortRows(rows, 'used', true, columns))).toEqual(['vol2', 'vol10', 'vol1', 'Éléments']);
  });
  it('sorts text naturally (vol2 before vol10) and case-insensitively', () => {
    expect(names(sortRows(rows, 'name', false, columns))).toEqual(['Éléments', 'vol1', 'vol2', 'vol10']);
  });
  it('sorts states by severity rank, not alphabetically', () => {
    // critical, then unknown (unreachable ranks above warning), warning, ok
    expect(names(sortRows(rows, 'health', true, columns))).toEqual(['vol2', 'vol1', 'Éléments', 'vol10']);
  });
  it('is stable for equal values and does not touch its input', () => {
    const same: Row[] = [
      { name: 'b', used: 1 },
      { name: 'a', used: 1 },
      { name: 'c', used: 1 },
    ];
    expect(names(sortRows(same, 'used', true, columns))).toEqual(['b', 'a', 'c']);
    const copy = JSON.stringify(rows);
    sortRows(rows, 'name', true, columns);
    expect(JSON.stringify(rows)).toBe(copy);
  });
});

describe('filterRows', () => {
  const display = (v: Cell | undefined, c: ColumnSpec): string =>
    c.format === 'boolean'
      ? v
        ? 'yes'
        : 'no'
      : c.unit === 'percent' && v !== null
        ? `${String(v)} %`
        : String(v ?? '');
  it('matches shown text and raw values, case and accent insensitive', () => {
    expect(names(filterRows(rows, 'elements', columns, display))).toEqual(['Éléments']);
    expect(names(filterRows(rows, 'VOL1', columns, display))).toEqual(['vol10', 'vol1']);
    expect(names(filterRows(rows, '98.2 %', columns, display))).toEqual(['vol2']);
    // "no" is the shown text of online=false (vol2) and part of the raw state "unknown" (vol1).
    expect(names(filterRows(rows, 'no', columns, display))).toEqual(['vol2', 'vol1']);
  });
  it('keeps every row for an empty query and none for a query nothing has', () => {
    expect(filterRows(rows, '  ', columns, display)).toHaveLength(rows.length);
    expect(filterRows(rows, 'zzz', columns, display)).toHaveLength(0);
  });
});

describe('withoutEmpty', () => {
  const cols: ColumnSpec[] = [
    { key: 'host', label: { en: 'Host', fr: 'Hôte' } },
    { key: 'device', label: { en: 'Adapter', fr: 'Adaptateur' } },
    { key: 'read', label: { en: 'Read', fr: 'Lus' }, unit: 'bytesPerSecond' },
    { key: 'write', label: { en: 'Written', fr: 'Écrits' }, unit: 'bytesPerSecond' },
  ];

  it('leaves out the columns no row fills (a simulator without adapter counters) and rows with nothing left', () => {
    const rows = [
      { host: 'esx01', device: 'vmhba0', read: null, write: null },
      { host: null, device: '', read: null, write: null },
      { host: 'esx02', device: 'vmhba1', read: null, write: 0 },
    ];
    const out = withoutEmpty(rows, cols);
    expect(out.columns.map((c) => c.key)).toEqual(['host', 'device', 'write']);
    expect(out.rows).toEqual([rows[0], rows[2]]);
  });

  it('returns what it was given when every column and row has a value', () => {
    const rows = [{ host: 'esx01', device: 'vmhba0', read: 1, write: 2 }];
    const out = withoutEmpty(rows, cols);
    expect(out.rows).toBe(rows);
    expect(out.columns).toBe(cols);
  });
});
