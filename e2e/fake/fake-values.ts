import type { FieldSpec } from '../../src/shared/families/descriptor';
import type { Unit } from '../../src/shared/units';
import { HOSTILE } from './random';

type Cell = string | number | boolean | null;
const STATES = ['ok', 'ok', 'ok', 'ok', 'warning', 'ok', 'critical', 'ok', 'unknown'] as const;

/** A plausible magnitude for a unit: what a real device would report, so formatting is exercised. */
export function valueForUnit(unit: Unit, r: number, metric = ''): number {
  switch (unit) {
    case 'percent':
      return Math.round(r * 1000) / 10;
    case 'bytes':
      return Math.round(2e9 + r * 4e12);
    case 'bytesPerSecond':
      return Math.round(r * 2.5e8);
    case 'bitsPerSecond':
      return Math.round(r * 9.5e8);
    case 'perSecond':
      return Math.round(r * 5000) / 10;
    case 'seconds':
      return Math.round(86_400 * (1 + r * 400));
    case 'milliseconds':
      return Math.round(r * 800) / 10;
    case 'celsius':
      return Math.round((18 + r * 25) * 10) / 10;
    case 'volts':
      return Math.round((metric.includes('battery') ? 48 + r * 6 : 225 + r * 10) * 10) / 10;
    case 'amperes':
      return Math.round(r * 160) / 10;
    case 'watts':
      return Math.round(200 + r * 2800);
    case 'hertz':
      return Math.round((49.8 + r * 0.4) * 10) / 10;
    case 'megahertz':
      return Math.round(1000 + r * 60_000);
    case 'count':
      return Math.round(r * 120);
    case 'ratio':
      return Math.round(r * 100) / 100;
    case '':
      return Math.round(r * 400) / 100;
  }
}

function textFor(key: string, row: number): string {
  const k = key.toLowerCase();
  if (k === 'status' || k === 'admin' || k.endsWith('status')) return row % 7 === 3 ? 'down' : 'up';
  if (k.includes('path') || k === 'mount') return `/vol/data_${String(row).padStart(3, '0')}`;
  if (k.includes('version')) return `9.${row % 14}.1P${row % 5}`;
  if (k.includes('model'))
    return ['FAS3270', 'SRT3000XLI', 'WS-C3750G-24TS', 'ProLiant DL380 Gen10'][row % 4] ?? 'model';
  if (k.includes('name') || k === 'vm' || k === 'host' || k === 'interface')
    return `${key}-${String(row).padStart(3, '0')}`;
  if (k.includes('location')) return 'Salle serveurs, baie 4 — Lyon';
  return `${key} ${row}`;
}

/**
 * A value for a descriptor field or column in row `row`: by format first, then unit, then a text guessed
 * from the key. Row 3 of every table carries a hostile string in its text columns.
 */
export function valueForField(field: FieldSpec, row: number, r: number, now: number): Cell {
  switch (field.format) {
    case 'state':
      return STATES[row % STATES.length] ?? 'ok';
    case 'boolean':
      return row % 5 !== 2;
    case 'date':
      return now - Math.round(r * 400) * 86_400_000;
    case 'duration':
      return Math.round(86_400 * (2 + r * 300));
    case 'number':
      return Math.round(r * 48);
    default:
      break;
  }
  if (field.unit !== undefined) {
    // One volume nearly full, so the sort and the state colours have something to show.
    if (field.unit === 'percent' && row === 1) return 98.2;
    return valueForUnit(field.unit, r, field.key);
  }
  if (row === 3) return HOSTILE;
  return textFor(field.key, row);
}
