import { describe, expect, it } from 'vitest';
import type { DeviceSnapshot, SeriesInfo } from '../../../shared/contract/devices';
import { netappDescriptor } from '../../../shared/families/netapp';
import type { Section } from '../../../shared/families/descriptor';
import { seriesKey } from '../../../shared/series-key';
import { sectionHasContent } from './section-content';

const snapshot = (over: Partial<DeviceSnapshot>): DeviceSnapshot => ({
  at: 1,
  family: 'netapp',
  identity: {},
  metrics: [],
  tables: {},
  state: 'ok',
  problems: [],
  ...over,
});
const table = (name: string): Section => ({ kind: 'table', title: { en: name, fr: name }, table: name, columns: [{ key: 'name', label: { en: 'Name', fr: 'Nom' } }] });

describe('sectionHasContent (issue 17 item 14)', () => {
  it('leaves out tables without rows ("Nodes: No rows" on a 7-mode filer, "Processes 0 of 0")', () => {
    const s = snapshot({ tables: { nodes: [], processes: [], volumes: [{ name: 'vol0' }] } });
    expect(sectionHasContent(table('nodes'), s, [], 'f')).toBe(false);
    expect(sectionHasContent(table('processes'), s, [], 'f')).toBe(false);
    expect(sectionHasContent(table('diskio'), s, [], 'f')).toBe(false);
    expect(sectionHasContent(table('volumes'), s, [], 'f')).toBe(true);
  });

  it('leaves out identity and stats sections with no value, and charts with no series in the store', () => {
    const s = snapshot({ identity: { model: null, serial: '' }, metrics: [{ name: 'cpu.total', instance: '', value: 3, unit: 'percent' }] });
    const identity: Section = { kind: 'identity', title: { en: 'x', fr: 'x' }, fields: [{ key: 'model', label: { en: 'M', fr: 'M' } }, { key: 'serial', label: { en: 'S', fr: 'S' } }] };
    expect(sectionHasContent(identity, s, [], 'f')).toBe(false);
    const stats = (metric: string): Section => ({ kind: 'stats', title: { en: 'x', fr: 'x' }, items: [{ metric, label: { en: 'x', fr: 'x' }, unit: 'percent' }] });
    expect(sectionHasContent(stats('cpu.total'), s, [], 'f')).toBe(true);
    expect(sectionHasContent(stats('mem.used'), s, [], 'f')).toBe(false);
    const known: SeriesInfo[] = [{ key: seriesKey('f', 'disk.read', 'sda'), metric: 'disk.read', instance: 'sda', unit: 'bytesPerSecond' }];
    const chart = (metric: string, instance?: string): Section => ({ kind: 'chart', title: { en: 'x', fr: 'x' }, unit: 'bytesPerSecond', series: [{ metric, instance }] });
    expect(sectionHasContent(chart('disk.read', '*'), s, known, 'f')).toBe(true);
    expect(sectionHasContent(chart('disk.read', 'sda'), s, known, 'f')).toBe(true);
    expect(sectionHasContent(chart('disk.write', '*'), s, known, 'f')).toBe(false);
  });

  it('keeps every section of a filer that has data for it', () => {
    const tables = Object.fromEntries(
      netappDescriptor.sections.flatMap((sec) => (sec.kind === 'table' ? [[sec.table, [{ name: 'x' }]]] : [])),
    );
    const s = snapshot({ tables });
    for (const sec of netappDescriptor.sections.filter((x) => x.kind === 'table')) expect(sectionHasContent(sec, s, [], 'f')).toBe(true);
  });
});
