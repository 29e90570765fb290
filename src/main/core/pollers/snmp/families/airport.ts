import { airportDescriptor } from '../../../../../shared/families/airport';
import type { SnmpFamily, SystemInfo } from '../family';
import { AIRPORT_OIDS, readAirport } from '../mibs/airport';
import { collectInterfaces } from '../mibs/if-mib';
import { MetricList } from '../../metric-list';
import { optional } from '../optional';
import type { SnmpSession } from '../session/types';

const AIRPORT_DESCR = /Apple AirPort|Apple Base Station|Base Station V3\.84|AirPort|Time Capsule/i;

/**
 * AirPort base stations report a sysObjectID that says nothing about them, so the proof is the base
 * station's own name object (sysConfName); the description alone is a weaker hint.
 */
export async function detectAirport(system: SystemInfo, session: SnmpSession): Promise<number> {
  const r = await session.get([AIRPORT_OIDS.sysConfName]);
  if (r.has(AIRPORT_OIDS.sysConfName)) return 45;
  return AIRPORT_DESCR.test(system.sysDescr) ? 25 : 0;
}

/** Apple AirPort Extreme / Express / Time Capsule: identity, associated clients with signal and noise. */
export const airport: SnmpFamily = {
  descriptor: airportDescriptor,
  rules: [],
  detect: detectAirport,
  async poll(ctx) {
    const metrics = new MetricList();
    const base = await readAirport(ctx.session);
    const interfaces = await optional(() => collectInterfaces(ctx), { rows: [], metrics: [] });
    metrics.add('ap.clients', base.clientCount ?? base.clients.length, 'count');
    return {
      identity: {
        baseStationName: base.name,
        firmware: base.firmware,
        baseStationContact: base.contact,
        baseStationLocation: base.location,
        clients: base.clientCount ?? base.clients.length,
      },
      metrics: [...metrics.values, ...interfaces.metrics],
      tables: { clients: base.clients, interfaces: interfaces.rows },
      problems: [],
      uptimeSeconds: ctx.system.sysUpTime,
    };
  },
};
