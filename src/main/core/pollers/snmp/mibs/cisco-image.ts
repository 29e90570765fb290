import { toText } from '../session/decode';
import type { SnmpSession } from '../session/types';

/**
 * What IOS says about itself: CISCO-IMAGE-MIB ciscoImageString rows "CW_VERSION$12.1(8)EA1c$", "CW_FAMILY$C3550$"...
 * (sysDescr is often cut to its first line), OLD-CISCO-SYSTEM hostname. Absent objects give nulls.
 */
const IMAGE_STRING = '1.3.6.1.4.1.9.9.25.1.1.1.2';
const HOSTNAME = '1.3.6.1.4.1.9.2.1.3.0';

export interface CiscoImage {
  version: string | null;
  family: string | null;
  image: string | null;
  hostname: string | null;
}

export async function readCiscoImage(session: SnmpSession): Promise<CiscoImage> {
  const fields = new Map<string, string>();
  for (const vb of await session.walk(IMAGE_STRING)) {
    const m = /^"?CW_([A-Z]+)\$(.*?)\$?$/.exec(toText(vb) ?? '');
    if (m?.[1] && m[2] !== undefined && !fields.has(m[1])) fields.set(m[1], m[2]);
  }
  const host = toText((await session.get([HOSTNAME])).get(HOSTNAME));
  return {
    version: fields.get('VERSION') ?? null,
    family: fields.get('FAMILY') ?? null,
    image: fields.get('IMAGE') ?? null,
    hostname: host || null,
  };
}

/** "Cisco IOS Software, C3750 Software (...), Version 12.2(55)SE5, RELEASE..." → "12.2(55)SE5". */
export function iosVersionFromDescr(sysDescr: string): string | null {
  return /Version ([^\s,]+)/.exec(sysDescr)?.[1] ?? null;
}
