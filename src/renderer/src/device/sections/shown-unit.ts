import type { Unit } from '../../../../shared/units';

/**
 * Conversions from the unit a value is stored in to the unit a page shows it in, so that a table and the
 * chart beside it read alike (vSphere gives NIC rates in bytes/s, the SNMP families and the charts use
 * bits/s, as network people do). Only conversions of the same quantity are listed.
 */
const FACTORS: Partial<Record<Unit, Partial<Record<Unit, number>>>> = {
  bytesPerSecond: { bitsPerSecond: 8 },
  bitsPerSecond: { bytesPerSecond: 1 / 8 },
};

export interface Shown {
  unit: Unit;
  factor: number;
}

/** The unit a value is shown in and the factor to get there; an unknown conversion keeps the stored unit. */
export function shownUnit(stored: Unit, shownIn: Unit | undefined): Shown {
  if (shownIn === undefined || shownIn === stored) return { unit: stored, factor: 1 };
  const factor = FACTORS[stored]?.[shownIn];
  return factor === undefined ? { unit: stored, factor: 1 } : { unit: shownIn, factor };
}
