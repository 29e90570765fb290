import { upsApcDescriptor } from '../../../../../shared/families/ups-apc';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { POWERNET_UPS_OIDS, readPowernetUps } from '../mibs/powernet-ups';
import { UPS_RULES, upsPoll } from '../mibs/ups-readings';
import type { SnmpSession } from '../session/types';

const APC = '1.3.6.1.4.1.318';
/** PowerNet-MIB product arcs: 318.1.3.2.x are UPS network management cards, 318.1.3.8.x environment monitors. */
const APC_UPS_PRODUCTS = '1.3.6.1.4.1.318.1.3.2';
const APC_ENVIRONMENT_PRODUCTS = '1.3.6.1.4.1.318.1.3.8';

export async function detectApcUps(system: SystemInfo, session: SnmpSession): Promise<number> {
  if (oidUnder(system.sysObjectID, APC_UPS_PRODUCTS)) return 30;
  const apc = oidUnder(system.sysObjectID, APC) || /\bAPC\b/.test(system.sysDescr);
  if (!apc || oidUnder(system.sysObjectID, APC_ENVIRONMENT_PRODUCTS)) return 0;
  if (/UPS|Symmetra|Galaxy/i.test(system.sysDescr)) return 28;
  // Newer cards use other product arcs: a UPS model name settles it.
  const r = await session.get([POWERNET_UPS_OIDS.basicModel]);
  return r.has(POWERNET_UPS_OIDS.basicModel) ? 40 : 0;
}

/** APC Smart-UPS / Symmetra through PowerNet-MIB (high-precision objects first, "adv" ones as fallback). */
export const upsApc: SnmpFamily = {
  descriptor: upsApcDescriptor,
  rules: UPS_RULES,
  detect: detectApcUps,
  poll: upsPoll(readPowernetUps),
};
