import type { DeviceConfig, DeviceSnapshot } from '../../../shared/contract/devices';
import { fromVcenterRows, sensorPart } from '../pollers/snmp/families/esxi-sensors';
import type { PollResult, Row } from '../pollers/source';

/** A vCenter Vigie monitors, as the monitor knows it: its name and its last answered poll. */
export interface VcenterView {
  name: string;
  snapshot: DeviceSnapshot | null;
}

/** Lower-case names, with the short form of a DNS name ("esx01.corp.lan" is also "esx01"); an IP has none. */
function withShort(values: readonly (string | number | boolean | null | undefined)[]): Set<string> {
  const out = new Set<string>();
  for (const raw of values) {
    if (typeof raw !== 'string') continue;
    const v = raw.trim().toLowerCase().replace(/\.$/, '');
    if (!v) continue;
    out.add(v);
    if (!/^[\d.]+$/.test(v) && !v.includes(':') && v.includes('.')) out.add(v.slice(0, v.indexOf('.')));
  }
  return out;
}

function hostNameOf(row: Row, names: ReadonlySet<string>): string | null {
  const own = withShort([row.name, row.ip, row.ipAddress]);
  for (const n of own) if (names.has(n)) return typeof row.name === 'string' ? row.name : null;
  return null;
}

/**
 * An ESXi host polled over SNMP whose agent has no sensor MIB gets its hardware sensors from the vSphere
 * health system when a vCenter Vigie monitors manages it: the host is found in the vCenter's `hosts` table
 * by address, name or sysName (as the alerting topology matches them), and that host's rows of the
 * vCenter's `sensors` table become the ESXi page's, with their problems. Any other result is returned as is.
 */
export function joinVcenterSensors(
  config: DeviceConfig,
  result: PollResult,
  vcenters: () => readonly VcenterView[],
): PollResult {
  if (result.family !== 'esxi-snmp' || result.identity.sensorsSource !== 'noSensorMib') return result;
  const names = withShort([config.host, config.name, result.identity.sysName]);
  for (const vc of vcenters()) {
    const tables = vc.snapshot?.tables;
    const host = (tables?.hosts ?? []).map((r) => hostNameOf(r, names)).find((h) => h !== null);
    if (!host) continue;
    const rows = (tables?.sensors ?? []).filter((r) => r.host === host);
    const part = sensorPart(fromVcenterRows(rows), vc.name);
    return {
      ...result,
      identity: { ...result.identity, sensorsSource: 'sensorsFromVcenter', sensorsVcenter: vc.name },
      metrics: [...result.metrics, ...part.metrics],
      tables: { ...result.tables, sensors: part.rows },
      problems: [...result.problems, ...part.problems],
    };
  }
  return result;
}
