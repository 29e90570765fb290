import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable } from '../session/types';

/**
 * VMWARE-ENV-MIB vmwEnvTable (1.3.6.1.4.1.6876.4.20.3): the health of each hardware subsystem as ESXi's
 * agent last heard it from the host's CIM/IPMI providers. A status per subsystem, no reading; an agent
 * without ENTITY-SENSOR-MIB may still have it. Types and states from VMWARE-TC-MIB.
 */
export const VMW_ENV_ENTRY = '1.3.6.1.4.1.6876.4.20.3.1';

/** VmwSubsystemTypes. */
const SUBSYSTEMS = ['unknown', 'chassis', 'powerSupply', 'fan', 'cpu', 'memory', 'battery', 'temperatureSensor', 'raidController', 'voltage'] as const;
export type VmwSubsystem = (typeof SUBSYSTEMS)[number];

/** VmwSubsystemStatus. */
const STATUSES = ['unknown', 'normal', 'marginal', 'critical', 'failed'] as const;
export type VmwSubsystemStatus = (typeof STATUSES)[number];

export interface VmwEnvEntry {
  index: string;
  subsystem: VmwSubsystem;
  status: VmwSubsystemStatus;
  /** vmwEventDescription: the provider's words for the last event of that subsystem. */
  description: string;
}

function pick<T extends readonly string[]>(values: T, code: number | null): T[number] {
  return code !== null && code >= 1 && code <= values.length ? values[code - 1]! : values[0]!;
}

/** .2 subsystem type, .3 hardware status, .4 event description; rows with neither type nor status are left out. */
export function decodeVmwEnv(table: SnmpTable): VmwEnvEntry[] {
  const out: VmwEnvEntry[] = [];
  for (const [index, cols] of table) {
    const type = toNumber(cols.get(2));
    const status = toNumber(cols.get(3));
    if (type === null && status === null) continue;
    out.push({ index, subsystem: pick(SUBSYSTEMS, type), status: pick(STATUSES, status), description: toText(cols.get(4))?.trim() ?? '' });
  }
  return out;
}

export async function readVmwEnv(session: SnmpSession): Promise<VmwEnvEntry[]> {
  return decodeVmwEnv(await session.table(VMW_ENV_ENTRY, [2, 3, 4]));
}
