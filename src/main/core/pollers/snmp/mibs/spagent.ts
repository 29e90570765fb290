import { optional } from '../optional';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable, SnmpVarbind } from '../session/types';
import { enumText } from './enum-text';
import type { ContactReading, DeviceState, ProbeReading } from './sensor-readings';
import { toCelsius } from './temperature-units';

/**
 * AKCP sensorProbe (SPAGENT-MIB, enterprise 3854): temperature (.16), humidity (.17) and dry contact (.18)
 * tables under 1.3.6.1.4.1.3854.1.2.2.1. Every port has a row whether a sensor is plugged or not: only rows
 * whose online column says online (1) carry values; an offline row's zeros and stale raw readings are not
 * measurements.
 */
const SP = '1.3.6.1.4.1.3854.1';
export const SPAGENT_OIDS = {
  status: `${SP}.1.2.0`,
  manufacturer: `${SP}.1.6.0`,
  product: `${SP}.1.8.0`,
} as const;
const TEMP_ENTRY = `${SP}.2.2.1.16.1`;
const HUMIDITY_ENTRY = `${SP}.2.2.1.17.1`;
const SWITCH_ENTRY = `${SP}.2.2.1.18.1`;

const T = { descr: 1, degree: 3, status: 4, online: 5, highWarning: 7, highCritical: 8, lowWarning: 9, lowCritical: 10, degreeType: 12, raw: 14 } as const;
const H = { descr: 1, percent: 3, status: 4, online: 5, highWarning: 7, highCritical: 8, lowWarning: 9, lowCritical: 10 } as const;
const S = { descr: 1, status: 3, online: 4 } as const;

export const SENSOR_STATUS: Record<number, string> = {
  1: 'noStatus',
  2: 'normal',
  3: 'highWarning',
  4: 'highCritical',
  5: 'lowWarning',
  6: 'lowCritical',
  7: 'sensorError',
};

export function statusState(code: number | null): DeviceState | null {
  switch (code) {
    case 2:
      return 'ok';
    case 3:
    case 5:
      return 'warning';
    case 4:
    case 6:
      return 'critical';
    case 7:
      return 'unknown';
    default:
      return null;
  }
}

const ONLINE = 1;

function isOnline(col: Map<number, SnmpVarbind>, column: number): boolean {
  return toNumber(col.get(column)) === ONLINE;
}

/**
 * The tenths column (sensorProbeTempDegreeRaw) is more precise than the integer one, but only trusted when
 * the two agree: some firmwares leave it at 0 or stale.
 */
export function akcpDegree(degree: number | null, raw: number | null): number | null {
  if (raw !== null && (degree === null || Math.abs(raw / 10 - degree) <= 1)) return raw / 10;
  return degree;
}

export function parseAkcpTemperatures(table: SnmpTable): ProbeReading[] {
  const out: ProbeReading[] = [];
  for (const [index, col] of table) {
    if (!isOnline(col, T.online)) continue;
    // sensorProbeTempDegreeType: 0 fahrenheit, 1 celsius; thresholds are in the same unit as the value.
    const unit = toNumber(col.get(T.degreeType)) === 0 ? 'fahrenheit' : 'celsius';
    const degree = akcpDegree(toNumber(col.get(T.degree)), toNumber(col.get(T.raw)));
    const status = toNumber(col.get(T.status));
    const c = (column: number): number | null => toCelsius(toNumber(col.get(column)), unit);
    out.push({
      name: toText(col.get(T.descr))?.trim() || `Temperature ${index}`,
      temperature: toCelsius(degree, unit),
      humidity: null,
      state: statusState(status),
      statusText: enumText(SENSOR_STATUS, status),
      highWarning: c(T.highWarning),
      highCritical: c(T.highCritical),
      lowWarning: c(T.lowWarning),
      lowCritical: c(T.lowCritical),
    });
  }
  return out;
}

export function parseAkcpHumidity(table: SnmpTable): ProbeReading[] {
  const out: ProbeReading[] = [];
  for (const [index, col] of table) {
    if (!isOnline(col, H.online)) continue;
    const status = toNumber(col.get(H.status));
    out.push({
      name: toText(col.get(H.descr))?.trim() || `Humidity ${index}`,
      temperature: null,
      humidity: toNumber(col.get(H.percent)),
      state: statusState(status),
      statusText: enumText(SENSOR_STATUS, status),
      // Percent, like the reading: kept apart from the temperature thresholds so no °C is put on them.
      humidityThresholds: {
        highWarning: toNumber(col.get(H.highWarning)),
        highCritical: toNumber(col.get(H.highCritical)),
        lowWarning: toNumber(col.get(H.lowWarning)),
        lowCritical: toNumber(col.get(H.lowCritical)),
      },
    });
  }
  return out;
}

export function parseAkcpContacts(table: SnmpTable): ContactReading[] {
  const out: ContactReading[] = [];
  for (const [index, col] of table) {
    if (!isOnline(col, S.online)) continue;
    const status = toNumber(col.get(S.status));
    const state = statusState(status);
    out.push({
      name: toText(col.get(S.descr))?.trim() || `Contact ${index}`,
      closed: null,
      alarm: state === null || state === 'unknown' ? null : state !== 'ok',
      statusText: enumText(SENSOR_STATUS, status),
    });
  }
  return out;
}

export interface AkcpReadings {
  product: string | null;
  manufacturer: string | null;
  status: string | null;
  probes: ProbeReading[];
  contacts: ContactReading[];
}

export async function readAkcp(session: SnmpSession): Promise<AkcpReadings> {
  // Each table on its own: a probe without humidity ports (or an agent that refuses one table) still
  // reports the others.
  const none: SnmpTable = new Map();
  const r = await optional(() => session.get(Object.values(SPAGENT_OIDS)), new Map<string, SnmpVarbind>());
  const temps = parseAkcpTemperatures(await optional(() => session.table(TEMP_ENTRY, Object.values(T)), none));
  const humidity = parseAkcpHumidity(await optional(() => session.table(HUMIDITY_ENTRY, Object.values(H)), none));
  const contacts = parseAkcpContacts(await optional(() => session.table(SWITCH_ENTRY, Object.values(S)), none));
  return {
    product: toText(r.get(SPAGENT_OIDS.product))?.trim() || null,
    manufacturer: toText(r.get(SPAGENT_OIDS.manufacturer))?.trim() || null,
    status: enumText(SENSOR_STATUS, toNumber(r.get(SPAGENT_OIDS.status))),
    probes: [...temps, ...humidity],
    contacts,
  };
}
