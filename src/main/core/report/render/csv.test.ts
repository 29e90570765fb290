import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvCell } from './csv-cell';
import { renderCheckCsv, renderCombinedCsv } from './csv';
import { HOSTILE, testDocument } from './test-document';

const rows = (text: string): string[][] => parse(text, { bom: true });

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['\rx', "'\rx"],
    ['plain', 'plain'],
  ])('neutralises %j', (input, expected) => expect(csvCell(input)).toBe(expected));

  it('keeps numbers as numbers, negative ones too, and writes null as empty', () => {
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell(null)).toBe('');
    expect(csvCell(true)).toBe('true');
  });
});

describe('report CSV', () => {
  it('writes one check with its columns, quotes, formula neutralised and UTF-8 text', () => {
    const check = testDocument().checks.find((c) => c.id === 'snapshots-old');
    if (!check) throw new Error('fixture');
    const text = renderCheckCsv(check);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('\r\n');
    const [header, first, second] = rows(text);
    expect(header).toEqual([
      'vcenter',
      'severity',
      'isNew',
      'vm',
      'name',
      'daysOld',
      'creator',
      'created',
      'description',
      'sizeGB',
    ]);
    expect(first).toEqual([
      'vc1.lab',
      'critical',
      'true',
      HOSTILE,
      'before-upgrade',
      '120',
      'admin',
      '2026-08-05T10:00:00Z',
      `'=HYPERLINK("http://evil")`,
      '1234.5',
    ]);
    expect(second?.[8]).toBe("'-2+3");
    expect(second?.[9]).toBe('-1');
    expect(second?.[6]).toBe('');
  });

  it('combines every check, with a line for each check that could not run', () => {
    const table = rows(renderCombinedCsv(testDocument()));
    const header = table[0] ?? [];
    expect(header.slice(0, 6)).toEqual(['check', 'status', 'message', 'vcenter', 'severity', 'isNew']);
    const byCheck = (id: string): string[][] => table.filter((r) => r[0] === id);
    expect(byCheck('snapshots-old')).toHaveLength(2);
    expect(byCheck('datastores-low-free')).toHaveLength(1);
    expect(byCheck('hosts-disconnected')).toHaveLength(0);
    expect(byCheck('vm-cpu-usage')[0]?.slice(0, 3)).toEqual([
      'vm-cpu-usage',
      'error',
      'QueryPerf: no answer within 30 s',
    ]);
    const ds = byCheck('datastores-low-free')[0] ?? [];
    expect(ds[header.indexOf('freeMB')]).toBe('41943');
    expect(ds[header.indexOf('vm')]).toBe('');
  });
});
