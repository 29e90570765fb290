import type { DeviceDetail } from '../../../shared/contract/devices';
import type { Label, Section } from '../../../shared/families/descriptor';

const raw = (s: string): Label => ({ en: s, fr: s });

/**
 * Sections for a family the renderer has no descriptor for (a newer core, a family being written): every
 * identity field, every latest metric, one chart per metric and every table, with the raw names as labels.
 * Better plain than blank.
 */
export function genericSections(detail: DeviceDetail): Section[] {
  const snap = detail.snapshot;
  const sections: Section[] = [];
  if (snap && Object.keys(snap.identity).length) {
    sections.push({
      kind: 'identity',
      title: raw('Identity'),
      fields: Object.keys(snap.identity).map((k) => ({ key: k, label: raw(k) })),
    });
  }
  if (snap && snap.metrics.length) {
    sections.push({
      kind: 'stats',
      title: raw('Latest values'),
      items: snap.metrics.slice(0, 40).map((m) => ({
        metric: m.name,
        instance: m.instance,
        label: raw(m.instance ? `${m.name} ${m.instance}` : m.name),
        unit: m.unit,
      })),
    });
  }
  const byMetric = new Map<string, DeviceDetail['series'][number]>();
  for (const s of detail.series) if (!byMetric.has(s.metric)) byMetric.set(s.metric, s);
  for (const [metric, s] of [...byMetric].slice(0, 12)) {
    sections.push({ kind: 'chart', title: raw(metric), unit: s.unit, series: [{ metric, instance: '*' }] });
  }
  for (const [name, rows] of Object.entries(snap?.tables ?? {})) {
    const keys = [...new Set(rows.slice(0, 50).flatMap((r) => Object.keys(r)))];
    sections.push({
      kind: 'table',
      title: raw(name),
      table: name,
      filterable: true,
      columns: keys.map((k) => ({ key: k, label: raw(k) })),
    });
  }
  return sections;
}
