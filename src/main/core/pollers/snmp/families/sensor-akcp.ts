import { sensorAkcpDescriptor } from '../../../../../shared/families/sensor-akcp';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { MetricList } from '../../metric-list';
import { SENSOR_RULES, sensorFigures } from '../mibs/sensor-readings';
import { readAkcp } from '../mibs/spagent';

const AKCP = '1.3.6.1.4.1.3854';

export function detectAkcp(system: SystemInfo): number {
  if (oidUnder(system.sysObjectID, AKCP)) return 30;
  if (/sensorProbe|securityProbe|\bAKCP\b/i.test(system.sysDescr)) return 25;
  return 0;
}

/** AKCP sensorProbe / securityProbe: online temperature, humidity and dry-contact sensors only. */
export const sensorAkcp: SnmpFamily = {
  descriptor: sensorAkcpDescriptor,
  rules: SENSOR_RULES,
  detect: detectAkcp,
  async poll(ctx) {
    const metrics = new MetricList();
    const akcp = await readAkcp(ctx.session);
    const figures = sensorFigures(akcp.probes, akcp.contacts, metrics);
    return {
      identity: {
        model: akcp.product,
        manufacturer: akcp.manufacturer,
        status: akcp.status,
        maxTemperature: figures.maxTemperature,
      },
      metrics: metrics.values,
      tables: { probes: figures.probes, contacts: figures.contacts },
      problems: figures.problems,
      uptimeSeconds: ctx.system.sysUpTime,
    };
  },
};
