import { sensorApcDescriptor } from '../../../../../shared/families/sensor-apc';
import { oidUnder } from '../detect';
import type { SnmpFamily, SystemInfo } from '../family';
import { MetricList } from '../../metric-list';
import { EMS_OIDS, readEms } from '../mibs/powernet-ems';
import { SENSOR_RULES, sensorFigures } from '../mibs/sensor-readings';
import type { SnmpSession } from '../session/types';

const APC = '1.3.6.1.4.1.318';
const APC_ENVIRONMENT_PRODUCTS = '1.3.6.1.4.1.318.1.3.8';

export async function detectApcSensor(system: SystemInfo, session: SnmpSession): Promise<number> {
  if (oidUnder(system.sysObjectID, APC_ENVIRONMENT_PRODUCTS)) return 30;
  const apc = oidUnder(system.sysObjectID, APC) || /\bAPC\b/.test(system.sysDescr);
  if (!apc) return 0;
  if (/Environmental|EMU|NetBotz/i.test(system.sysDescr)) return 28;
  const r = await session.get([EMS_OIDS.tempUnits]);
  // Below a proven UPS (40): a UPS card with an environment probe is still a UPS.
  return r.has(EMS_OIDS.tempUnits) ? 26 : 0;
}

/** APC Environmental Management System / EMU2 / NetBotz 200: probes (°F converted to °C), humidity, contacts. */
export const sensorApc: SnmpFamily = {
  descriptor: sensorApcDescriptor,
  rules: SENSOR_RULES,
  detect: detectApcSensor,
  async poll(ctx) {
    const metrics = new MetricList();
    const ems = await readEms(ctx.session);
    const figures = sensorFigures(ems.probes, ems.contacts, metrics);
    return {
      identity: {
        deviceName: ems.name,
        model: ems.model,
        firmware: ems.firmware,
        serial: ems.serial,
        deviceUnit: ems.unit,
        maxTemperature: figures.maxTemperature,
      },
      metrics: metrics.values,
      tables: { probes: figures.probes, contacts: figures.contacts },
      problems: figures.problems,
      uptimeSeconds: ctx.system.sysUpTime,
    };
  },
};
