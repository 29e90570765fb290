import type { ReportCell } from '../../../../shared/contract/report';

/** Characters a spreadsheet reads as the start of a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell as CSV text. A string a spreadsheet would run as a formula gets a leading quote; numbers are
 * written by us from numbers, so a negative value stays a number.
 */
export function csvCell(value: ReportCell | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}
