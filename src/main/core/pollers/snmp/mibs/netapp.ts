import { toCounter, toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';
import { enumText } from './enum-text';

/** NETAPP-MIB (enterprise 789) scalars of a filer: product, CPU, global status, failover, environment, disks. */
const N = '1.3.6.1.4.1.789.1';

export const NETAPP_OIDS = {
  productVersion: `${N}.1.2.0`,
  productModel: `${N}.1.5.0`,
  productFirmwareVersion: `${N}.1.6.0`,
  productSerialNum: `${N}.1.9.0`,
  cpuUpTime: `${N}.2.1.1.0`,
  cpuBusyTimePerCent: `${N}.2.1.3.0`,
  cpuCount: `${N}.2.1.6.0`,
  miscGlobalStatus: `${N}.2.2.4.0`,
  miscGlobalStatusMessage: `${N}.2.2.25.0`,
  misc64NfsOps: `${N}.2.2.27.0`,
  misc64CifsOps: `${N}.2.2.28.0`,
  misc64HttpOps: `${N}.2.2.29.0`,
  misc64NetRcvdBytes: `${N}.2.2.30.0`,
  misc64NetSentBytes: `${N}.2.2.31.0`,
  misc64DiskReadBytes: `${N}.2.2.32.0`,
  misc64DiskWriteBytes: `${N}.2.2.33.0`,
  cfSettings: `${N}.2.3.1.0`,
  cfState: `${N}.2.3.2.0`,
  cfPartnerStatus: `${N}.2.3.4.0`,
  cfPartnerName: `${N}.2.3.6.0`,
  cfInterconnectStatus: `${N}.2.3.8.0`,
  envOverTemperature: `${N}.2.4.1.0`,
  envFailedFanCount: `${N}.2.4.2.0`,
  envFailedFanMessage: `${N}.2.4.3.0`,
  envFailedPowerSupplyCount: `${N}.2.4.4.0`,
  envFailedPowerSupplyMessage: `${N}.2.4.5.0`,
  nvramBatteryStatus: `${N}.2.5.1.0`,
  fsOverallStatus: `${N}.5.7.1.0`,
  fsStatusMessage: `${N}.5.7.2.0`,
  diskTotalCount: `${N}.6.4.1.0`,
  diskFailedCount: `${N}.6.4.7.0`,
  diskSpareCount: `${N}.6.4.8.0`,
  diskFailedMessage: `${N}.6.4.10.0`,
  iscsi64Ops: `${N}.17.24.0`,
} as const;

/** Clustered ONTAP: CPU per node (index = node name) and the node table with per-node health. */
const NODE_CPU_ENTRY = `${N}.2.1.14.1`;
const NODE_ENTRY = `${N}.25.2.1`;
const LICENSE_ENTRY = `${N}.25.4.1`;

export const GLOBAL_STATUS: Record<number, string> = {
  1: 'other',
  2: 'unknown',
  3: 'ok',
  4: 'nonCritical',
  5: 'critical',
  6: 'nonRecoverable',
};
export const NVRAM_BATTERY: Record<number, string> = {
  1: 'ok',
  2: 'partiallyDischarged',
  3: 'fullyDischarged',
  4: 'notPresent',
  5: 'nearEndOfLife',
  6: 'atEndOfLife',
  7: 'unknown',
  8: 'overCharged',
  9: 'fullyCharged',
};
export const CF_SETTINGS: Record<number, string> = {
  1: 'notConfigured',
  2: 'enabled',
  3: 'disabled',
  4: 'takeoverByPartnerDisabled',
  5: 'thisNodeDead',
};
export const CF_STATE: Record<number, string> = { 1: 'dead', 2: 'canTakeover', 3: 'cannotTakeover', 4: 'takeover' };
export const CF_PARTNER: Record<number, string> = { 1: 'maybeDown', 2: 'ok', 3: 'dead' };
export const CF_INTERCONNECT: Record<number, string> = { 1: 'notPresent', 2: 'down', 3: 'partialFailure', 4: 'up' };
export const FS_STATUS: Record<number, string> = { 1: 'ok', 2: 'nearlyFull', 3: 'full' };

export type Counter = NonNullable<ReturnType<typeof toCounter>>;

export interface NetappScalars {
  model: string | null;
  version: string | null;
  firmware: string | null;
  serial: string | null;
  /** Seconds since the filer booted (cpuUpTime); sysUpTime saturates on some ONTAP 9 agents. */
  uptimeSeconds: number | null;
  cpuBusyPercent: number | null;
  cpuCount: number | null;
  globalStatus: number | null;
  globalStatusMessage: string | null;
  counters: Record<'nfsOps' | 'cifsOps' | 'httpOps' | 'iscsiOps' | 'netRcvd' | 'netSent' | 'diskRead' | 'diskWrite', Counter | null>;
  cfSettings: number | null;
  cfState: number | null;
  cfPartnerStatus: number | null;
  cfPartnerName: string | null;
  cfInterconnectStatus: number | null;
  overTemperature: boolean | null;
  failedFans: number | null;
  failedFanMessage: string | null;
  failedPowerSupplies: number | null;
  failedPowerSupplyMessage: string | null;
  nvramBattery: number | null;
  fsOverallStatus: number | null;
  fsStatusMessage: string | null;
  disksTotal: number | null;
  disksFailed: number | null;
  disksSpare: number | null;
  diskFailedMessage: string | null;
}

function text(vb: SnmpVarbind | undefined): string | null {
  const t = toText(vb)?.trim();
  return t ? t : null;
}

export async function readNetappScalars(session: SnmpSession): Promise<NetappScalars> {
  const o = NETAPP_OIDS;
  const r = await session.get(Object.values(o));
  const num = (oid: string): number | null => toNumber(r.get(oid));
  const ticks = num(o.cpuUpTime);
  const overTemp = num(o.envOverTemperature);
  return {
    model: text(r.get(o.productModel)),
    version: text(r.get(o.productVersion)),
    firmware: text(r.get(o.productFirmwareVersion)),
    serial: text(r.get(o.productSerialNum)),
    uptimeSeconds: ticks === null ? null : ticks / 100,
    cpuBusyPercent: num(o.cpuBusyTimePerCent),
    cpuCount: num(o.cpuCount),
    globalStatus: num(o.miscGlobalStatus),
    globalStatusMessage: text(r.get(o.miscGlobalStatusMessage)),
    counters: {
      nfsOps: toCounter(r.get(o.misc64NfsOps)),
      cifsOps: toCounter(r.get(o.misc64CifsOps)),
      httpOps: toCounter(r.get(o.misc64HttpOps)),
      iscsiOps: toCounter(r.get(o.iscsi64Ops)),
      netRcvd: toCounter(r.get(o.misc64NetRcvdBytes)),
      netSent: toCounter(r.get(o.misc64NetSentBytes)),
      diskRead: toCounter(r.get(o.misc64DiskReadBytes)),
      diskWrite: toCounter(r.get(o.misc64DiskWriteBytes)),
    },
    cfSettings: num(o.cfSettings),
    cfState: num(o.cfState),
    cfPartnerStatus: num(o.cfPartnerStatus),
    cfPartnerName: text(r.get(o.cfPartnerName)),
    cfInterconnectStatus: num(o.cfInterconnectStatus),
    overTemperature: overTemp === null ? null : overTemp === 2,
    failedFans: num(o.envFailedFanCount),
    failedFanMessage: text(r.get(o.envFailedFanMessage)),
    failedPowerSupplies: num(o.envFailedPowerSupplyCount),
    failedPowerSupplyMessage: text(r.get(o.envFailedPowerSupplyMessage)),
    nvramBattery: num(o.nvramBatteryStatus),
    fsOverallStatus: num(o.fsOverallStatus),
    fsStatusMessage: text(r.get(o.fsStatusMessage)),
    disksTotal: num(o.diskTotalCount),
    disksFailed: num(o.diskFailedCount),
    disksSpare: num(o.diskSpareCount),
    diskFailedMessage: text(r.get(o.diskFailedMessage)),
  };
}

export interface NetappNode {
  name: string;
  cpuBusyPercent: number | null;
  cpuCount: number | null;
  model: string | null;
  serial: string | null;
  version: string | null;
  uptimeSeconds: number | null;
  /** nodeHealth: can the node talk to the cluster. */
  healthy: boolean | null;
  nvramBattery: number | null;
  overTemperature: boolean | null;
  failedFans: number | null;
  failedPowerSupplies: number | null;
}

/** An IMPLIED DisplayString index (the node name) is the OID suffix read as character codes. */
function impliedString(index: string): string {
  const codes = index.split('.').map(Number);
  if (codes.some((c) => !Number.isInteger(c) || c < 0 || c > 0x10ffff)) return index;
  return String.fromCodePoint(...codes);
}

/**
 * Per-node figures of a clustered ONTAP agent, merged from the node CPU table and the node table (either
 * may be absent: a 7-mode filer has neither). Rows are keyed by node name.
 */
export async function readNetappNodes(session: SnmpSession): Promise<NetappNode[]> {
  const cpu = await session.table(NODE_CPU_ENTRY, [1, 4, 7]);
  const nodes = await session.table(NODE_ENTRY, [1, 4, 5, 7, 11, 17, 18, 19, 21, 23]);
  const byName = new Map<string, NetappNode>();
  const get = (name: string): NetappNode => {
    let n = byName.get(name);
    if (!n) {
      n = {
        name,
        cpuBusyPercent: null,
        cpuCount: null,
        model: null,
        serial: null,
        version: null,
        uptimeSeconds: null,
        healthy: null,
        nvramBattery: null,
        overTemperature: null,
        failedFans: null,
        failedPowerSupplies: null,
      };
      byName.set(name, n);
    }
    return n;
  };
  for (const [index, col] of cpu) {
    const n = get(text(col.get(1)) ?? impliedString(index));
    n.cpuBusyPercent = toNumber(col.get(4));
    n.cpuCount = toNumber(col.get(7));
  }
  for (const [index, col] of nodes) {
    const n = get(text(col.get(1)) ?? impliedString(index));
    const ticks = toNumber(col.get(7));
    const health = toNumber(col.get(11));
    const overTemp = toNumber(col.get(18));
    n.model = text(col.get(4));
    n.serial = text(col.get(5));
    n.uptimeSeconds = ticks === null ? null : ticks / 100;
    n.healthy = health === null ? null : health === 1;
    n.nvramBattery = toNumber(col.get(17));
    n.overTemperature = overTemp === null ? null : overTemp === 2;
    n.failedFans = toNumber(col.get(19));
    n.failedPowerSupplies = toNumber(col.get(21));
    n.version = text(col.get(23));
  }
  return [...byName.values()];
}

/** Licensed features (the page's "licensed protocols"): names without the " License" suffix. */
export async function readNetappLicenses(session: SnmpSession): Promise<string[]> {
  const t = await session.table(LICENSE_ENTRY, [4]);
  const names: string[] = [];
  for (const col of t.values()) {
    const name = text(col.get(4))?.replace(/\s*licen[cs]e$/i, '');
    if (name) names.push(name);
  }
  return names;
}

export function globalStatusText(code: number | null): string | null {
  return enumText(GLOBAL_STATUS, code);
}
