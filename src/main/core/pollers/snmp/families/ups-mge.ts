import { upsMgeDescriptor } from '../../../../../shared/families/ups-mge';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { MGE_UPS_OIDS, readMgeUps } from '../mibs/mge-ups';
import { UPS_RULES, upsPoll } from '../mibs/ups-readings';
import type { SnmpSession } from '../session/types';

const MERLIN_GERIN = '1.3.6.1.4.1.705';
/** Eaton's enterprise: some Eaton cards answer the MGE MIB as well as Eaton's own. */
const EATON = '1.3.6.1.4.1.534';

/**
 * From sysObjectID alone (these cards often answer no sysDescr or sysName): MGE's enterprise (also used by
 * Eaton's ex-MGE cards), or Eaton's, confirmed by any MG-SNMP-UPS-MIB object. On an Eaton id the XUPS-MIB,
 * when it answers too, wins (44 < 45). A card that answers only UPS-MIB stays with the standard family (40).
 */
export async function detectMgeUps(system: SystemInfo, session: SnmpSession): Promise<number> {
  const mge = oidUnder(system.sysObjectID, MERLIN_GERIN);
  if (!mge && !oidUnder(system.sysObjectID, EATON)) return 0;
  const r = await session.get([MGE_UPS_OIDS.identModelName, MGE_UPS_OIDS.batteryLevel, MGE_UPS_OIDS.outputOnBattery]);
  if (r.size === 0) return 0;
  return mge ? 45 : 44;
}

/** MGE (and Eaton ex-MGE) UPSs through MG-SNMP-UPS-MIB. */
export const upsMge: SnmpFamily = {
  descriptor: upsMgeDescriptor,
  rules: UPS_RULES,
  detect: detectMgeUps,
  poll: upsPoll(readMgeUps),
};
