import { describe, expect, it } from 'vitest';
import type { FieldSpec } from '../../../../shared/families/descriptor';
import { formatCell } from './format-cell';

const t = (k: string): string =>
  ({ 'common.yes': 'yes', 'common.no': 'no', 'state.critical': 'Critical' })[k] ?? k;
const f = (spec: Partial<FieldSpec>): FieldSpec => ({ key: 'k', label: { en: 'K', fr: 'K' }, ...spec });
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('formatCell', () => {
  it('formats by the descriptor format first', () => {
    expect(formatCell('critical', f({ format: 'state' }), 'en', t)).toBe('Critical');
    expect(formatCell(false, f({ format: 'boolean' }), 'en', t)).toBe('no');
    expect(formatCell(90_061, f({ format: 'duration' }), 'en', t)).toBe('1d 1h');
    expect(formatCell('3600', f({ format: 'duration' }), 'en', t)).toBe('1h');
    expect(formatCell(Date.UTC(2026, 0, 2, 3, 4, 5), f({ format: 'date' }), 'en-GB', t)).toMatch(
      /^02\/01\/2026, \d\d:04:05$/,
    );
    expect(formatCell('2026-01-02T03:04:05Z', f({ format: 'date' }), 'en-GB', t)).toMatch(/^02\/01\/2026/);
  });
  it('formats by unit, including numbers sent as text', () => {
    expect(plain(formatCell(2_000_000_000, f({ unit: 'bytes' }), 'fr', t))).toBe('2 Go');
    expect(formatCell('97.5', f({ unit: 'percent' }), 'en', t)).toBe('97.5%');
  });
  it('shows what it cannot read as it came, and a dash for nothing', () => {
    expect(formatCell('n/a', f({ unit: 'percent' }), 'en', t)).toBe('n/a');
    expect(formatCell('soon', f({ format: 'date' }), 'en', t)).toBe('soon');
    expect(formatCell(null, f({}), 'en', t)).toBe('—');
    expect(formatCell('', f({}), 'en', t)).toBe('—');
    expect(formatCell('<img src=x onerror=alert(1)>', f({}), 'en', t)).toBe('<img src=x onerror=alert(1)>');
  });
  it('groups plain numbers without a unit', () => {
    expect(formatCell(2623844167821, f({}), 'en', t)).toBe('2,623,844,167,821');
  });
});

describe('formatCell enum names (issue 17 item 9)', () => {
  it('gives every raw enum name of a MIB or vSphere a label, in English and French', () => {
    const cases: [string, string, string][] = [
      ['poweredOn', 'Powered on', 'Allumée'],
      ['toolsOk', 'Running, up to date', 'En marche, à jour'],
      ['toolsNotInstalled', 'Not installed', 'Non installées'],
      ['onLine', 'On line', 'Sur secteur'],
      ['selfTest', 'Self-test', 'Autotest'],
      ['OTHER', 'Other', 'Autre'],
    ];
    for (const [raw, en, fr] of cases) {
      expect(formatCell(raw, f({}), 'en-US', t)).toBe(en);
      expect(formatCell(raw, f({}), 'fr-FR', t)).toBe(fr);
    }
  });
  it('leaves free text and fields declared as text alone', () => {
    expect(formatCell('vm-poweredOn-01', f({}), 'en', t)).toBe('vm-poweredOn-01');
    expect(formatCell('constructor', f({}), 'en', t)).toBe('constructor');
    expect(formatCell('poweredOn', f({ format: 'text' }), 'en', t)).toBe('poweredOn');
  });
});
