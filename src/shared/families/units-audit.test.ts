import { describe, expect, it } from 'vitest';
import { FAMILY_DESCRIPTORS } from './index';
import { unitlessPlaces } from './units-audit';

/**
 * Issue 17 item 9, "every number its unit": every quantity a family shows carries a unit. What is allowed
 * without one is listed here with the reason; a new unit-less figure fails until it gets a unit or a reason.
 */
const UNITLESS_ALLOWED: Readonly<Record<string, string>> = {
  'linux:table:cores.core': 'the core number is an identifier, not a quantity',
  'windows:table:cores.core': 'the core number is an identifier, not a quantity',
  'linux:table:processes.pid': 'a process id is an identifier, not a quantity',
  'windows:table:processes.pid': 'a process id is an identifier, not a quantity',
  'airport:table:clients.rate': 'the header names the unit (Mbit/s), as the AirPort MIB gives it',
  'airport:table:clients.strength': 'the header names the unit (dBm): no dBm in the shared units',
  'airport:table:clients.noise': 'the header names the unit (dBm): no dBm in the shared units',
  'airport:table:clients.snr': 'the header names the unit (dB): a ratio in decibels',
  'ups-apc:identity:ratedVA': 'the header names the unit (VA): apparent power, not watts',
  'ups-eaton:identity:ratedVA': 'the header names the unit (VA): apparent power, not watts',
  'ups-mge:identity:ratedVA': 'the header names the unit (VA): apparent power, not watts',
  'ups-generic:identity:ratedVA': 'the header names the unit (VA): apparent power, not watts',
  'sensor-em01:identity:illumination': 'the EM01 gives illumination on its own scale, with no documented unit',
  'sensor-em01:chart:sensor.illumination': 'the EM01 gives illumination on its own scale, with no documented unit',
};

describe('units audit of the family descriptors', () => {
  it('finds no quantity without a unit beyond the allowed ones', () => {
    const found = FAMILY_DESCRIPTORS.flatMap(unitlessPlaces);
    expect(found.filter((p) => !(p in UNITLESS_ALLOWED))).toEqual([]);
  });

  it('keeps the allow-list honest: each entry still exists', () => {
    const found = new Set(FAMILY_DESCRIPTORS.flatMap(unitlessPlaces));
    expect(Object.keys(UNITLESS_ALLOWED).filter((p) => !found.has(p))).toEqual([]);
  });

  it('names the unit in both languages where the header carries it', () => {
    for (const d of FAMILY_DESCRIPTORS) {
      for (const s of d.sections) {
        if (s.kind !== 'table' && s.kind !== 'identity') continue;
        const fields = s.kind === 'table' ? s.columns : s.fields;
        const where = s.kind === 'table' ? `table:${s.table}` : 'identity';
        for (const f of fields) {
          const reason = UNITLESS_ALLOWED[`${d.id}:${where}${s.kind === 'table' ? '.' : ':'}${f.key}`];
          const unit = reason ? /names the unit \(([^)]+)\)/.exec(reason)?.[1] : undefined;
          if (!unit) continue;
          expect(f.label.en).toContain(`(${unit})`);
          expect(f.label.fr).toContain(`(${unit})`);
        }
      }
    }
  });
});
