import { sensorEm01Descriptor } from '../../../../shared/families/sensor-em01';
import type { FamilyModule } from '../source';
import { SENSOR_RULES } from '../snmp/mibs/sensor-readings';

/** The EM01 websensor as the core knows it: the shared sensor page and rules, polled by em01Source. */
export const sensorEm01: FamilyModule = {
  descriptor: sensorEm01Descriptor,
  rules: SENSOR_RULES.filter((r) => r.metric !== 'sensor.contact.alarm'),
};
