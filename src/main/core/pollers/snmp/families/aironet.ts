import type { MetricValue } from '../../../../../shared/contract/devices';
import { aironetDescriptor } from '../../../../../shared/families/aironet';
import type { Rule } from '../../../alerting/rule';
import type { Row } from '../../source';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { readCiscoCpu, readCiscoMemory } from '../mibs/cisco';
import { iosVersionFromDescr } from '../mibs/cisco-image';
import { ACTIVE_CLIENTS, readRadioAssociations, type RadioAssociations } from '../mibs/cisco-dot11';
import { collectInterfaces } from '../mibs/if-mib';
import { MetricList } from '../../metric-list';
import { optional } from '../optional';
import type { SnmpSession } from '../session/types';

const CISCO = '1.3.6.1.4.1.9';
/** CISCO-PRODUCTS-MIB autonomous access points: AIR-AP1200 (474), 1100 (507), 1210 (525), 1130 (618), 1240 (685), 1250 (758). */
const AIRONET_PRODUCTS = ['474', '507', '525', '618', '685', '758'].map((n) => `1.3.6.1.4.1.9.1.${n}`);
/** IOS images of access points: C1240 Software (C1240-K9W7-M), AP1G2..., "Aironet". */
const AP_DESCR = /\b(C1[0-9]{3}|C[23]700|AP[0-9][A-Z0-9]*) Software\b|Aironet|-K9W[78]-|\bAIR-(?:AP|CAP|LAP|SAP)/i;

export async function detectAironet(system: SystemInfo, session: SnmpSession): Promise<number> {
  if (!oidUnder(system.sysObjectID, CISCO)) return 0;
  if (AIRONET_PRODUCTS.some((p) => oidUnder(system.sysObjectID, p)) || AP_DESCR.test(system.sysDescr)) return 30;
  // Another Cisco with associated wireless clients is an access point too (newer models, unknown ids).
  const clients = await session.walk(ACTIVE_CLIENTS);
  return clients.some((vb) => vb.oid.startsWith(`${ACTIVE_CLIENTS}.`)) ? 40 : 0;
}

const RULES: Rule[] = [
  { id: 'ap-cpu', label: 'CPU > 90 % for 10 min', labelCode: 'rule.cpu-10-min', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 },
  { id: 'ap-memory', label: 'Memory used > 90 % / 95 %', labelCode: 'rule.memory-used-90-95', metric: 'memory.used.percent', op: '>', warning: 90, critical: 95 },
];

/** ifDescr "Dot11Radio0", ifName "Do0". */
const RADIO = /^(Dot11Radio|Do)\d+$/i;

/** Cisco Aironet autonomous IOS access points: clients per radio, radio traffic, CPU and memory. */
export const aironet: SnmpFamily = {
  descriptor: aironetDescriptor,
  rules: RULES,
  detect: detectAironet,
  async poll(ctx) {
    const { session } = ctx;
    const metrics = new MetricList();
    const associations = await optional(() => readRadioAssociations(session), new Map<string, RadioAssociations>());
    const interfaces = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    const cpu = await optional(() => readCiscoCpu(session), { rows: [], metrics: [], total: null });
    const memory = await optional(() => readCiscoMemory(session), { rows: [], metrics: [] });

    // The association table stands on its own: a radio it lists is reported even when no interface table
    // answers (named by its index then); a radio interface without associations is reported too.
    const byIndex = new Map(interfaces.rows.map((row) => [String(row.index), row]));
    const radioIndexes = [...associations.keys()];
    for (const row of interfaces.rows) {
      if (RADIO.test(String(row.name)) && !associations.has(String(row.index))) radioIndexes.push(String(row.index));
    }
    radioIndexes.sort((a, b) => Number(a) - Number(b));

    const radios: Row[] = [];
    let total: number | null = null;
    for (const index of radioIndexes) {
      const row = byIndex.get(index);
      const name = row ? String(row.name) : `if${index}`;
      const assoc = associations.get(index);
      const clients = assoc?.clients ?? null;
      if (clients !== null) total = (total ?? 0) + clients;
      metrics.add('ap.radio.clients', clients, 'count', name);
      radios.push({
        name,
        status: row?.status ?? null,
        speed: row?.speed ?? null,
        clients,
        bridges: assoc?.bridges ?? null,
        repeaters: assoc?.repeaters ?? null,
        inBps: row?.inBps ?? null,
        outBps: row?.outBps ?? null,
      });
    }
    metrics.add('ap.clients', total, 'count');
    const values: MetricValue[] = [...metrics.values, ...interfaces.metrics, ...cpu.metrics, ...memory.metrics];
    return {
      identity: {
        osVersion: iosVersionFromDescr(ctx.system.sysDescr),
        radios: radios.length,
        clients: total,
      },
      metrics: values,
      tables: { radios, interfaces: interfaces.rows, cpus: cpu.rows, memoryPools: memory.rows },
      problems: radios
        .filter((r) => r.status !== null && r.status !== 'up')
        .map((r) => ({ severity: 'warning' as const, message: `Radio ${String(r.name)} is ${String(r.status)}` })),
      uptimeSeconds: ctx.system.sysUpTime,
    };
  },
};
