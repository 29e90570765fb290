import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';
import type { Row } from '../../source';

/**
 * AIRPORT-BASESTATION-3-MIB (enterprise 63): base station identity and the wireless client table, indexed
 * by the client's MAC as a length-prefixed string (17 then "00:11:22:33:44:55" as character codes).
 */
const B = '1.3.6.1.4.1.63.501.3';
export const AIRPORT_OIDS = {
  sysConfName: `${B}.1.1.0`,
  sysConfContact: `${B}.1.2.0`,
  sysConfLocation: `${B}.1.3.0`,
  sysConfFirmwareVersion: `${B}.1.5.0`,
  wirelessNumber: `${B}.2.1.0`,
} as const;
const CLIENT_ENTRY = `${B}.2.2.1`;
/** wirelessPhysAddress 1, type 2, dataRates 3, timeAssociated 4 (s), strength 6 (dBm), noise 7 (dBm), rate 8 (Mbit/s). */
const C = { mac: 1, type: 2, rates: 3, time: 4, strength: 6, noise: 7, rate: 8, rx: 9, tx: 10, rxErrors: 11, txErrors: 12 } as const;

export interface AirportReadings {
  name: string | null;
  contact: string | null;
  location: string | null;
  firmware: string | null;
  clientCount: number | null;
  clients: Row[];
}

/** The MAC from the row index when the column is missing or not text. */
export function macFromIndex(index: string): string | null {
  const arcs = index.split('.').map(Number);
  const [length, ...codes] = arcs;
  if (!length || codes.length !== length || codes.some((c) => !Number.isInteger(c) || c < 32 || c > 126)) return null;
  return String.fromCharCode(...codes);
}

function text(vb: SnmpVarbind | undefined): string | null {
  return toText(vb)?.trim() || null;
}

export async function readAirport(session: SnmpSession): Promise<AirportReadings> {
  const r = await session.get(Object.values(AIRPORT_OIDS));
  const t = await session.table(CLIENT_ENTRY, Object.values(C));
  const clients: Row[] = [];
  for (const [index, col] of t) {
    const strength = toNumber(col.get(C.strength));
    const noise = toNumber(col.get(C.noise));
    clients.push({
      mac: (text(col.get(C.mac)) ?? macFromIndex(index) ?? index).toLowerCase(),
      dataRates: text(col.get(C.rates)),
      rate: toNumber(col.get(C.rate)),
      timeAssociated: toNumber(col.get(C.time)),
      strength,
      noise,
      snr: strength !== null && noise !== null ? strength - noise : null,
      rxPackets: toNumber(col.get(C.rx)),
      txPackets: toNumber(col.get(C.tx)),
      rxErrors: toNumber(col.get(C.rxErrors)),
      txErrors: toNumber(col.get(C.txErrors)),
    });
  }
  return {
    name: text(r.get(AIRPORT_OIDS.sysConfName)),
    contact: text(r.get(AIRPORT_OIDS.sysConfContact)),
    location: text(r.get(AIRPORT_OIDS.sysConfLocation)),
    firmware: text(r.get(AIRPORT_OIDS.sysConfFirmwareVersion)),
    clientCount: toNumber(r.get(AIRPORT_OIDS.wirelessNumber)),
    clients,
  };
}
