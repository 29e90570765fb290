import { describe, expect, it } from 'vitest';
import type { ChartSection, TableSection } from '../../../../shared/families/descriptor';
import { FAMILY_DESCRIPTORS } from '../../../../shared/families/index';
import type { Unit } from '../../../../shared/units';
import { formatAxis } from '../../../../shared/format/format-value';
import { formatCell } from './format-cell';
import { shownUnit } from './shown-unit';

/**
 * Issue 17 item 8: a table of rates beside the chart of the same quantity reads in the same unit and
 * scale (it said "a table in kB/s sits beside its chart in Mb/s"). Pairs: a table's rate columns and the
 * chart found by its first series' metric, in every family that has both.
 */
const PAIRS: { table: string; columns: string[]; chartMetric: string }[] = [
  { table: 'interfaces', columns: ['inBps', 'outBps'], chartMetric: 'if.in.bps' },
  { table: 'interfaces', columns: ['inBps', 'outBps'], chartMetric: 'netapp.net.rcvd' },
  { table: 'ports', columns: ['inBps', 'outBps'], chartMetric: 'if.in.bps' },
  { table: 'radios', columns: ['inBps', 'outBps'], chartMetric: 'if.in.bps' },
  { table: 'nics', columns: ['tx', 'rx'], chartMetric: 'host.nic.rx.bps' },
  { table: 'storageAdapters', columns: ['write', 'read'], chartMetric: 'host.storage.read' },
  { table: 'disks', columns: ['readBps', 'writeBps'], chartMetric: 'disk.read.bps' },
];

const t = (k: string): string => k;
/** The same real rate as stored in a unit: 12.5 Mb/s is 1.5625 MB/s. */
const BITS = 12_500_000;
const stored = (unit: Unit | undefined): number => (unit === 'bytesPerSecond' ? BITS / 8 : BITS);

function pairsFound(): { family: string; table: TableSection; chart: ChartSection; columns: string[] }[] {
  return FAMILY_DESCRIPTORS.flatMap((d) =>
    PAIRS.flatMap((p) => {
      const table = d.sections.find((s): s is TableSection => s.kind === 'table' && s.table === p.table);
      const chart = d.sections.find(
        (s): s is ChartSection => s.kind === 'chart' && s.series[0]?.metric === p.chartMetric,
      );
      return table && chart ? [{ family: d.id, table, chart, columns: p.columns }] : [];
    }),
  );
}

describe('a table of rates and its chart (issue 17 item 8)', () => {
  it('finds the pairs, vSphere NICs and NetApp interfaces among them', () => {
    const found = pairsFound().map((p) => `${p.family}:${p.table.table}`);
    expect(found).toEqual(
      expect.arrayContaining(['vsphere:nics', 'vsphere:storageAdapters', 'netapp:interfaces']),
    );
    expect(found.length).toBeGreaterThanOrEqual(10);
  });

  for (const locale of ['en', 'fr']) {
    it(`formats the same rate alike in the table cell and on the chart axis (${locale})`, () => {
      for (const { family, table, chart, columns } of pairsFound()) {
        const axis = shownUnit(chart.unit, chart.shownIn);
        for (const key of columns) {
          const column = table.columns.find((c) => c.key === key);
          if (!column) throw new Error(`${family}: no column ${key} in ${table.table}`);
          const cell = formatCell(stored(column.unit), column, locale, t);
          const onAxis = formatAxis(stored(chart.unit) * axis.factor, axis.unit, locale);
          expect(cell, `${family} ${table.table}.${key} beside "${chart.title.en}"`).toBe(onAxis);
        }
      }
    });
  }

  it('shows vSphere NIC rates, given in bytes per second, in bits per second like their chart', () => {
    const vsphere = pairsFound().find((p) => p.family === 'vsphere' && p.table.table === 'nics');
    const tx = vsphere?.table.columns.find((c) => c.key === 'tx');
    if (!tx) throw new Error('no vSphere NIC table');
    expect(formatCell(1_562_500, tx, 'en', t)).toMatch(/^12\.5\sMb\/s$/u);
  });
});
