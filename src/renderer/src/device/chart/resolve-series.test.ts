import { describe, expect, it } from 'vitest';
import type { SeriesInfo } from '../../../../shared/contract/devices';
import type { ChartSection } from '../../../../shared/families/descriptor';
import { seriesKey } from '../../../../shared/series-key';
import { MAX_LINES, resolveChartSeries } from './resolve-series';

const pick = (l: { en: string }): string => l.en;
const info = (metric: string, instance = ''): SeriesInfo => ({
  key: seriesKey('dev', metric, instance),
  metric,
  instance,
  unit: 'percent',
});

describe('resolveChartSeries', () => {
  const known = [
    info('cpu.total'),
    info('cpu.core', '10'),
    info('cpu.core', '2'),
    info('cpu.core', '1'),
    info('if.in', 'eth|0'),
  ];
  it("expands '*' to every instance the device has, in natural order, and keeps fixed series that exist", () => {
    const section: ChartSection = {
      kind: 'chart',
      title: { en: 'CPU', fr: 'CPU' },
      unit: 'percent',
      series: [
        { metric: 'cpu.total', label: { en: 'Total', fr: 'Total' } },
        { metric: 'cpu.core', instance: '*' },
        { metric: 'missing' },
      ],
    };
    expect(resolveChartSeries(section, 'dev', known, pick)).toEqual([
      { key: 'dev|cpu.total|', label: 'Total' },
      { key: 'dev|cpu.core|1', label: 'cpu.core 1' },
      { key: 'dev|cpu.core|2', label: 'cpu.core 2' },
      { key: 'dev|cpu.core|10', label: 'cpu.core 10' },
    ]);
  });
  it('uses the escaped series key for instances with separators', () => {
    const section: ChartSection = {
      kind: 'chart',
      title: { en: 'x', fr: 'x' },
      unit: '',
      series: [{ metric: 'if.in', instance: 'eth|0', label: { en: 'In', fr: 'Entrée' } }],
    };
    expect(resolveChartSeries(section, 'dev', known, pick)).toEqual([
      { key: 'dev|if.in|eth%7C0', label: 'In eth|0' },
    ]);
  });
  it('names a lone unlabelled series after its chart', () => {
    const section: ChartSection = {
      kind: 'chart',
      title: { en: 'CPU', fr: 'CPU' },
      unit: 'percent',
      series: [{ metric: 'cpu.total', instance: '*' }],
    };
    expect(resolveChartSeries(section, 'dev', known, pick)).toEqual([
      { key: 'dev|cpu.total|', label: 'CPU' },
    ]);
  });
  it("names the lines of a chart's only '*' spec by their instance", () => {
    const section: ChartSection = {
      kind: 'chart',
      title: { en: 'Per core', fr: 'Par cœur' },
      unit: 'percent',
      series: [{ metric: 'cpu.core', instance: '*' }],
    };
    expect(resolveChartSeries(section, 'dev', known, pick).map((l) => l.label)).toEqual(['1', '2', '10']);
  });
  it('caps a chart at the contract limit', () => {
    const many = Array.from({ length: MAX_LINES + 20 }, (_, i) => info('if.in', `p${i}`));
    const section: ChartSection = {
      kind: 'chart',
      title: { en: 'x', fr: 'x' },
      unit: '',
      series: [{ metric: 'if.in', instance: '*' }],
    };
    expect(resolveChartSeries(section, 'dev', many, pick)).toHaveLength(MAX_LINES);
  });
});
