import type { Row } from '../../source';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession } from '../session/types';

/**
 * VMWARE-SYSTEM-MIB (product, version, build) and VMWARE-VMINFO-MIB vmwVmTable (1.3.6.1.4.1.6876.2.1.1):
 * display name .2, config file .3, guest OS .4, memory MB .5, power state .6 ("powered on"...), guest
 * (tools) state .8 ("running"...), vCPUs .9, UUID .10.
 */
const VMWARE_SYSTEM = '1.3.6.1.4.1.6876.1';
const VM_ENTRY = '1.3.6.1.4.1.6876.2.1.1';

export interface VmwareProduct {
  product: string | null;
  version: string | null;
  build: string | null;
}

export async function readVmwareProduct(session: SnmpSession): Promise<VmwareProduct> {
  const oids = [`${VMWARE_SYSTEM}.1.0`, `${VMWARE_SYSTEM}.2.0`, `${VMWARE_SYSTEM}.4.0`] as const;
  const r = await session.get(oids);
  return { product: toText(r.get(oids[0])), version: toText(r.get(oids[1])), build: toText(r.get(oids[2])) };
}

export interface VmInfo {
  index: string;
  name: string;
  guestOs: string;
  /** Configured memory in bytes. */
  memory: number | null;
  power: string;
  poweredOn: boolean;
  toolsRunning: boolean;
  cpus: number | null;
  configFile: string;
  uuid: string;
}

export async function readVms(session: SnmpSession): Promise<VmInfo[]> {
  const table = await session.table(VM_ENTRY, [2, 3, 4, 5, 6, 8, 9, 10]);
  const out: VmInfo[] = [];
  for (const [index, col] of table) {
    const power = toText(col.get(6)) ?? '';
    const memMb = toNumber(col.get(5));
    out.push({
      index,
      name: toText(col.get(2)) ?? `vm ${index}`,
      configFile: toText(col.get(3)) ?? '',
      guestOs: toText(col.get(4)) ?? '',
      memory: memMb === null ? null : memMb * 1024 * 1024,
      power,
      poweredOn: /^powered ?on$/i.test(power.trim()),
      toolsRunning: /^running$/i.test((toText(col.get(8)) ?? '').trim()),
      cpus: toNumber(col.get(9)),
      uuid: toText(col.get(10)) ?? '',
    });
  }
  return out;
}

export function vmRows(vms: readonly VmInfo[]): Row[] {
  return vms.map((v) => ({
    name: v.name,
    power: v.power,
    tools: v.toolsRunning ? 'running' : 'not running',
    cpus: v.cpus,
    memory: v.memory,
    guestOs: v.guestOs,
    configFile: v.configFile,
  }));
}
