import type { SnmpFamily, SystemInfo } from './family';
import type { SnmpSession } from './session/types';

export interface Detection {
  family: SnmpFamily;
  score: number;
}

/**
 * The family that claims the device most strongly. A family whose detect() throws (it may read extra objects
 * the device refuses) simply does not claim it. Ties go to the family listed first.
 */
export async function detectFamily(families: readonly SnmpFamily[], system: SystemInfo, session: SnmpSession): Promise<Detection | null> {
  let best: Detection | null = null;
  for (const family of families) {
    let score: number;
    try {
      score = await family.detect(system, session);
    } catch {
      score = 0;
    }
    if (Number.isFinite(score) && score > 0 && (!best || score > best.score)) best = { family, score };
  }
  return best;
}

/** True when the object id is the prefix or a descendant of it (1.3.6.1.4.1.9 matches 1.3.6.1.4.1.9.1.366). */
export function oidUnder(oid: string, prefix: string): boolean {
  return oid === prefix || oid.startsWith(`${prefix}.`);
}
