import type { MetricValue } from '../../../../../shared/contract/devices';
import { esxiSnmp } from '../../../../../shared/families/esxi-snmp';
import type { Rule } from '../../../alerting/rule';
import { oidUnder } from '../detect';
import type { SnmpFamily } from '../family';
import { HR, readStorage, type StorageEntry } from '../mibs/host-resources';
import { readEntitySensors } from '../mibs/entity-sensor';
import { collectInterfaces } from '../mibs/if-mib';
import { readVmwEnv } from '../mibs/vmware-env';
import { readVmwareProduct, readVms, vmRows } from '../mibs/vmware-vminfo';
import { optional } from '../optional';
import { toNumber } from '../session/decode';
import { fromEntitySensors, fromVmwEnv, sensorPart, type SensorSource } from './esxi-sensors';
import { coresPart, memoryMetrics, scalarMetric } from './host-parts';

const ESX_PRODUCTS = '1.3.6.1.4.1.6876.4';
const DATASTORE = /^\/vmfs\/volumes\//;

const RULES: Rule[] = [
  { id: 'cpu', label: 'Host CPU', labelCode: 'rule.host-cpu', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 },
  { id: 'memory', label: 'Host memory used', labelCode: 'rule.host-memory-used', metric: 'memory.used.percent', op: '>', warning: 90, forSeconds: 600 },
  { id: 'datastore', label: 'Datastore free', labelCode: 'rule.datastore-free', metric: 'datastore.free.percent', op: '<', warning: 10, critical: 5 },
];

function datastores(storage: readonly StorageEntry[]): { rows: Record<string, string | number | null>[]; metrics: MetricValue[] } {
  const rows: Record<string, string | number | null>[] = [];
  const metrics: MetricValue[] = [];
  for (const s of storage) {
    if (!DATASTORE.test(s.descr) || s.size <= 0) continue;
    const name = s.descr.replace(DATASTORE, '');
    const free = Math.max(0, s.size - s.used);
    const freePercent = (free / s.size) * 100;
    metrics.push(
      { name: 'datastore.size', instance: name, value: s.size, unit: 'bytes' },
      { name: 'datastore.used', instance: name, value: s.used, unit: 'bytes' },
      { name: 'datastore.free.percent', instance: name, value: freePercent, unit: 'percent' },
    );
    rows.push({ name, size: s.size, used: s.used, free, freePercent, usedPercent: s.usedPercent });
  }
  return { rows, metrics };
}

/** A standalone ESXi host over SNMP, for when no vSphere API credentials are given. */
export const esxiSnmpFamily: SnmpFamily = {
  descriptor: esxiSnmp,
  rules: RULES,
  detect(system) {
    if (oidUnder(system.sysObjectID, ESX_PRODUCTS)) return 30;
    return /^VMware ESX/i.test(system.sysDescr) ? 25 : 0;
  },
  async poll(ctx) {
    const { session } = ctx;
    const scalars = await session.get([HR.systemUptime, HR.memorySize]);
    const product = await optional(() => readVmwareProduct(session), { product: null, version: null, build: null });
    const cores = await coresPart(ctx);
    const storage = await optional(() => readStorage(session), []);
    const ds = datastores(storage);
    const vms = await optional(() => readVms(session), []);
    const ifs = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    // Readings (ENTITY-SENSOR-MIB) first, else subsystem states (VMWARE-ENV-MIB); with neither, the monitor may
    // fill the sensors from the vCenter managing this host (monitor/vcenter-sensors.ts).
    const entity = fromEntitySensors(await optional(() => readEntitySensors(session), []));
    const env = entity.length ? [] : fromVmwEnv(await optional(() => readVmwEnv(session), []));
    const sensors = sensorPart(entity.length ? entity : env);
    const sensorsSource: SensorSource = entity.length ? 'entitySensorMib' : env.length ? 'vmwareEnvMib' : 'noSensorMib';

    const ram = storage.find((s) => s.type === 'ram' && s.size > 0);
    const on = vms.filter((v) => v.poweredOn).length;
    const metrics: MetricValue[] = [
      ...cores.metrics,
      ...scalarMetric('cpu.total', cores.mean, 'percent'),
      ...(ram ? memoryMetrics({ total: ram.size, available: ram.size - ram.used }) : []),
      ...ds.metrics,
      ...ifs.metrics,
      ...sensors.metrics,
      { name: 'vms.total', instance: '', value: vms.length, unit: 'count' },
      { name: 'vms.on', instance: '', value: on, unit: 'count' },
      { name: 'vms.off', instance: '', value: vms.length - on, unit: 'count' },
      { name: 'vms.tools.running', instance: '', value: vms.filter((v) => v.toolsRunning).length, unit: 'count' },
      ...scalarMetric('vms.memory.configured', vms.length ? vms.reduce((a, v) => a + (v.memory ?? 0), 0) : null, 'bytes'),
    ];
    const hostTicks = toNumber(scalars.get(HR.systemUptime));
    const memorySizeKb = toNumber(scalars.get(HR.memorySize));
    return {
      identity: {
        product: product.product,
        version: product.version,
        build: product.build,
        cores: cores.count || null,
        memorySize: memorySizeKb !== null ? memorySizeKb * 1024 : null,
        vms: vms.length ? `${on} / ${vms.length}` : null,
        // sensorsVcenter is added only by the vCenter join: a field absent from identity is not shown.
        sensorsSource,
      },
      metrics,
      tables: { vms: vmRows(vms), datastores: ds.rows, interfaces: ifs.rows, cores: cores.rows, sensors: sensors.rows },
      problems: sensors.problems,
      uptimeSeconds: hostTicks !== null ? hostTicks / 100 : null,
    };
  },
};
