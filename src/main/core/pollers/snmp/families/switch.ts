import type { MetricValue } from '../../../../../shared/contract/devices';
import { switchFamilyDescriptor } from '../../../../../shared/families/switch';
import type { Rule } from '../../../alerting/rule';
import { oidUnder } from '../detect';
import type { SnmpFamily } from '../family';
import { readCiscoCpu, readCiscoMemory } from '../mibs/cisco';
import { iosVersionFromDescr, readCiscoImage } from '../mibs/cisco-image';
import { collectInterfaces } from '../mibs/if-mib';
import { optional } from '../optional';
import { toNumber } from '../session/decode';
import { coresPart, scalarMetric } from './host-parts';

const CISCO = '1.3.6.1.4.1.9';
const CISCO_PRODUCTS = '1.3.6.1.4.1.9.1';
const SYS_SERVICES = '1.3.6.1.2.1.1.7.0';
const NETWORK_DESCR =
  /\b(Cisco IOS|Cisco Internetwork|Catalyst|NX-OS|JUNOS|Juniper|ProCurve|Aruba|Arista|EdgeSwitch|RouterOS|MikroTik|Comware|Huawei Versatile|Dell Networking|PowerConnect|NETGEAR|D-Link|Brocade|FastIron|Extreme|ExtremeXOS|Allied Telesis|Zyxel|switch|router)\b/i;

const RULES: Rule[] = [
  { id: 'port-in-errors', label: 'Port input errors', labelCode: 'rule.port-in-errors', metric: 'if.in.errors', op: '>', warning: 1, critical: 10, forSeconds: 300 },
  { id: 'port-out-errors', label: 'Port output errors', labelCode: 'rule.port-out-errors', metric: 'if.out.errors', op: '>', warning: 1, critical: 10, forSeconds: 300 },
  { id: 'cpu', label: 'CPU', labelCode: 'rule.cpu', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 },
  { id: 'memory', label: 'Memory used', labelCode: 'rule.memory-used', metric: 'memory.used.percent', op: '>', warning: 90, critical: 95 },
];

/** Switches and routers: ports (IF-MIB) for any make, CPU and memory pools on Cisco. */
export const switchFamily: SnmpFamily = {
  descriptor: switchFamilyDescriptor,
  rules: RULES,
  async detect(system, session) {
    if (oidUnder(system.sysObjectID, CISCO_PRODUCTS)) return 20;
    if (NETWORK_DESCR.test(system.sysDescr)) return 15;
    // sysServices: layer 2 (bridging) or layer 3 (routing) without applications is network gear.
    const services = toNumber((await session.get([SYS_SERVICES])).get(SYS_SERVICES));
    if (services !== null && services & 0b110 && !(services & 64)) return 12;
    return 0;
  },
  async poll(ctx) {
    const { session, system } = ctx;
    const ports = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    const metrics: MetricValue[] = [...ports.metrics];
    const tables: Record<string, typeof ports.rows> = { ports: ports.rows };
    const identity: Record<string, string | number | null> = {};
    if (oidUnder(system.sysObjectID, CISCO)) {
      const cpu = await optional(() => readCiscoCpu(session), { rows: [], metrics: [], total: null });
      const memory = await optional(() => readCiscoMemory(session), { rows: [], metrics: [] });
      const image = await optional(() => readCiscoImage(session), { version: null, family: null, image: null, hostname: null });
      metrics.push(...cpu.metrics, ...memory.metrics);
      tables.cpus = cpu.rows;
      tables.memoryPools = memory.rows;
      identity.osVersion = image.version ?? iosVersionFromDescr(system.sysDescr);
      identity.platform = image.family;
      identity.image = image.image;
      identity.hostname = image.hostname;
    } else {
      // Many non-Cisco switches implement hrProcessorLoad.
      const cores = await coresPart(ctx);
      metrics.push(...scalarMetric('cpu.total', cores.mean, 'percent'));
    }
    const up = ports.rows.filter((r) => r.status === 'up').length;
    if (ports.rows.length > 0) {
      metrics.push({ name: 'ports.up', instance: '', value: up, unit: 'count' }, { name: 'ports.total', instance: '', value: ports.rows.length, unit: 'count' });
    }
    identity.portsUp = ports.rows.length ? `${up} / ${ports.rows.length}` : null;
    return { identity, metrics, tables, problems: [], uptimeSeconds: null };
  },
};
