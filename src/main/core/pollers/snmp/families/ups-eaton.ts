import { upsEatonDescriptor } from '../../../../../shared/families/ups-eaton';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { readXups, XUPS_OIDS } from '../mibs/xups';
import { UPS_RULES, upsPoll } from '../mibs/ups-readings';
import type { SnmpSession } from '../session/types';

const EATON = '1.3.6.1.4.1.534';
/** MGE's enterprise: Eaton bought MGE, and its ex-MGE cards (Network-MS) keep MGE's sysObjectID. */
const MERLIN_GERIN = '1.3.6.1.4.1.705';

/**
 * From sysObjectID alone (these cards often answer no sysDescr or sysName): Eaton's enterprise, or MGE's,
 * confirmed by any XUPS-MIB object. On an MGE id the MGE MIB, when it answers too, wins (44 < 45). A card
 * that answers only UPS-MIB stays with the standard family (40).
 */
export async function detectEatonUps(system: SystemInfo, session: SnmpSession): Promise<number> {
  const eaton = oidUnder(system.sysObjectID, EATON);
  if (!eaton && !oidUnder(system.sysObjectID, MERLIN_GERIN)) return 0;
  const r = await session.get([XUPS_OIDS.identModel, XUPS_OIDS.batCapacity, XUPS_OIDS.outputSource]);
  if (r.size === 0) return 0;
  return eaton ? 45 : 44;
}

/** Eaton / Powerware UPSs through XUPS-MIB (PowerMIB). */
export const upsEaton: SnmpFamily = {
  descriptor: upsEatonDescriptor,
  rules: UPS_RULES,
  detect: detectEatonUps,
  poll: upsPoll(readXups),
};
