import { stringify } from 'csv-stringify/sync';
import type { ReportCell, ReportCheckResult, ReportDocument } from '../../../../shared/contract/report';
import { csvCell } from './csv-cell';

type Field = string | number;

function field(value: ReportCell | undefined): Field {
  return typeof value === 'number' && Number.isFinite(value) ? value : csvCell(value);
}

// RFC 4180 (CRLF) with a byte-order mark, so that a spreadsheet reads été and 日本語 as UTF-8.
const write = (records: Field[][]): string =>
  stringify(records, { bom: true, record_delimiter: 'windows', quoted_string: true });

/** One check's findings: vcenter, severity, isNew, then the check's columns (ids as headers). */
export function renderCheckCsv(check: ReportCheckResult): string {
  const header = ['vcenter', 'severity', 'isNew', ...check.columns];
  const rows = check.rows.map((r) => [
    csvCell(r.vcenter),
    r.severity,
    r.isNew ? 'true' : 'false',
    ...check.columns.map((c) => field(r[c])),
  ]);
  return write([header, ...rows]);
}

/**
 * Every check in one file: a line per finding, and a line for each check that could not run (status and
 * message), so nothing wrong is lost; columns are the union of the checks' columns in report order.
 */
export function renderCombinedCsv(doc: ReportDocument): string {
  const columns: string[] = [];
  for (const c of doc.checks) for (const col of c.columns) if (!columns.includes(col)) columns.push(col);
  const header = ['check', 'status', 'message', 'vcenter', 'severity', 'isNew', ...columns];
  const rows: Field[][] = [];
  for (const c of doc.checks) {
    if (c.status === 'error' || c.status === 'unsupported') {
      rows.push([c.id, c.status, csvCell(c.message), '', '', '', ...columns.map(() => '')]);
      continue;
    }
    for (const r of c.rows) {
      rows.push([
        c.id,
        c.status,
        '',
        csvCell(r.vcenter),
        r.severity,
        r.isNew ? 'true' : 'false',
        ...columns.map((col) => (c.columns.includes(col) ? field(r[col]) : '')),
      ]);
    }
  }
  return write([header, ...rows]);
}
