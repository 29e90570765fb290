import { toNumber, toText } from '../session/decode';
import type { SnmpSession } from '../session/types';
import type { SystemInfo } from '../family';

export const SYSTEM_OIDS = {
  sysDescr: '1.3.6.1.2.1.1.1.0',
  sysObjectID: '1.3.6.1.2.1.1.2.0',
  sysUpTime: '1.3.6.1.2.1.1.3.0',
  sysContact: '1.3.6.1.2.1.1.4.0',
  sysName: '1.3.6.1.2.1.1.5.0',
  sysLocation: '1.3.6.1.2.1.1.6.0',
} as const;

export async function readSystem(session: SnmpSession): Promise<SystemInfo> {
  const r = await session.get(Object.values(SYSTEM_OIDS));
  const oid = r.get(SYSTEM_OIDS.sysObjectID)?.value;
  const ticks = toNumber(r.get(SYSTEM_OIDS.sysUpTime));
  return {
    sysDescr: toText(r.get(SYSTEM_OIDS.sysDescr)) ?? '',
    sysObjectID: typeof oid === 'string' ? oid : '',
    sysUpTime: ticks === null ? null : ticks / 100,
    sysContact: toText(r.get(SYSTEM_OIDS.sysContact)) ?? '',
    sysName: toText(r.get(SYSTEM_OIDS.sysName)) ?? '',
    sysLocation: toText(r.get(SYSTEM_OIDS.sysLocation)) ?? '',
  };
}
