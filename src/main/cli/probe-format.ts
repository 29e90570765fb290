import type { Cell, Row } from '../core/pollers/source';
import type { ColumnSpec, FamilyDescriptor, TableSection } from '../../shared/families/descriptor';
import type { Unit } from '../../shared/units';
import type { ProbeReport } from './probe-run';

/**
 * `vigie probe` output. JSON is the report as it is; the human form follows the family's page: identity
 * fields, every metric, then each table with the page's columns. Device strings go through `clean()`: an
 * agent could put terminal escape sequences in sysName.
 */
export function formatProbeJson(report: ProbeReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

export function clean(text: string, max = Infinity): string {
  const s = text.replace(CONTROL, '?');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

function scaled(value: number, base: number, units: string[]): string {
  let v = value;
  let i = 0;
  while (Math.abs(v) >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  return `${v.toFixed(i === 0 || Math.abs(v) >= 100 ? 0 : 1)} ${units[i]}`;
}

function duration(seconds: number): string {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86_400);
  const hms = [Math.floor((s % 86_400) / 3600), Math.floor((s % 3600) / 60), s % 60].map((n) => String(n).padStart(2, '0')).join(':');
  return d > 0 ? `${d} d ${hms}` : hms;
}

export function formatValue(value: Cell | undefined, unit?: Unit, format?: ColumnSpec['format']): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return clean(value);
  if (!Number.isFinite(value)) return '-';
  if (format === 'duration' || unit === 'seconds') return duration(value);
  switch (unit) {
    case 'bytes':
      return scaled(value, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']);
    case 'bytesPerSecond':
      return `${scaled(value, 1024, ['B', 'KiB', 'MiB', 'GiB', 'TiB'])}/s`;
    case 'bitsPerSecond':
      return scaled(value, 1000, ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s', 'Tbit/s']);
    case 'percent':
      return `${value.toFixed(1)} %`;
    case 'perSecond':
      return `${value.toFixed(value >= 100 ? 0 : 2)}/s`;
    case 'celsius':
      return `${value.toFixed(1)} °C`;
    case 'milliseconds':
      return `${value.toFixed(0)} ms`;
    case 'count':
      return String(Math.round(value));
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(2);
  }
}

function textTable(header: string[], rows: string[][], indent = '  '): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string => indent + cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}

function columnsFor(section: TableSection | undefined, rows: readonly Row[]): ColumnSpec[] {
  if (section) return section.columns;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return keys.map((key) => ({ key, label: { en: key, fr: key } }));
}

export function formatProbeHuman(report: ProbeReport, descriptor: FamilyDescriptor | undefined): string {
  const out: string[] = [];
  out.push(`Family    ${clean(report.family)}${descriptor ? ` (${descriptor.name.en})` : ''}`);
  out.push(`State     ${report.state}`);
  if (report.problems.length) {
    out.push('Problems');
    for (const p of report.problems) out.push(`  ${p.severity.padEnd(8)}  ${clean(p.message, 200)}`);
  }

  out.push('', 'Identity');
  const identitySection = descriptor?.sections.find((s) => s.kind === 'identity');
  const fields = identitySection?.kind === 'identity' ? identitySection.fields : [];
  const shown = new Set<string>();
  const identityRows: string[][] = [];
  for (const f of fields) {
    shown.add(f.key);
    identityRows.push([f.label.en, formatValue(report.identity[f.key], f.unit, f.format)]);
  }
  for (const [key, value] of Object.entries(report.identity)) {
    if (!shown.has(key)) identityRows.push([key, formatValue(value, key === 'sysUpTime' ? 'seconds' : undefined)]);
  }
  const labelWidth = Math.max(...identityRows.map((r) => (r[0] ?? '').length), 0);
  for (const [k, v] of identityRows) out.push(`  ${(k ?? '').padEnd(labelWidth)}  ${clean(v ?? '', 160)}`);

  out.push('', 'Metrics');
  const metrics = [...report.metrics].sort((a, b) => a.name.localeCompare(b.name) || a.instance.localeCompare(b.instance, undefined, { numeric: true }));
  out.push(...textTable(['metric', 'instance', 'value', 'unit'], metrics.map((m) => [m.name, clean(m.instance, 50), formatValue(m.value, m.unit), m.unit])));

  const tableSections = descriptor?.sections.filter((s): s is TableSection => s.kind === 'table') ?? [];
  const names = descriptor ? tableSections.map((s) => s.table) : Object.keys(report.tables);
  for (const name of [...new Set(names)]) {
    const rows = report.tables[name];
    if (!rows) continue;
    const section = tableSections.find((s) => s.table === name);
    const columns = columnsFor(section, rows);
    out.push('', `${section?.title.en ?? name} (${rows.length})`);
    if (rows.length === 0) {
      out.push('  (none)');
      continue;
    }
    out.push(...textTable(columns.map((c) => c.label.en), rows.map((r) => columns.map((c) => clean(formatValue(r[c.key], c.unit, c.format), 60)))));
  }
  return `${out.join('\n')}\n`;
}
