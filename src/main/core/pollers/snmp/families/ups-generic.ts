import { upsGenericDescriptor } from '../../../../../shared/families/ups-generic';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { readUpsMib, UPS_MIB_OIDS } from '../mibs/ups-mib';
import { UPS_RULES, upsPoll } from '../mibs/ups-readings';
import type { SnmpSession } from '../session/types';

const UPS_MIB = '1.3.6.1.2.1.33';
/**
 * Makes whose cards answer UPS-MIB: Eaton/Powerware (534), MGE (705), Liebert/Vertiv (476), Tripp Lite (850),
 * Phoenixtec/Megatec NetAgent (935), CyberPower (3808), Socomec (4555), Riello (5491).
 */
const UPS_VENDORS = ['534', '705', '476', '850', '935', '3808', '4555', '5491'].map((e) => `1.3.6.1.4.1.${e}`);
const APC = '1.3.6.1.4.1.318';

export async function detectGenericUps(system: SystemInfo, session: SnmpSession): Promise<number> {
  const oid = system.sysObjectID;
  if (oidUnder(oid, APC)) return 0;
  if (oidUnder(oid, UPS_MIB)) return 30;
  const vendor = UPS_VENDORS.some((p) => oidUnder(oid, p));
  if (!vendor && !/\bUPS\b|uninterruptible/i.test(system.sysDescr)) return 0;
  // The prefix or the description only suggest a UPS; standard objects prove it. Several groups are asked,
  // so that an agent without the identity group (or without any one group) is still recognised.
  const o = UPS_MIB_OIDS;
  const r = await session.get([o.manufacturer, o.model, o.batteryStatus, o.chargeRemaining, o.outputSource]);
  return r.size > 0 ? 40 : 0;
}

/** Any UPS speaking the standard UPS-MIB (RFC 1628): the fallback for makes other than APC. */
export const upsGeneric: SnmpFamily = {
  descriptor: upsGenericDescriptor,
  rules: UPS_RULES,
  detect: detectGenericUps,
  poll: upsPoll(readUpsMib),
};
