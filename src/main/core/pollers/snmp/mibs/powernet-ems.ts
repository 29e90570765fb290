import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable } from '../session/types';
import type { ContactReading, DeviceState, ProbeReading } from './sensor-readings';
import { toCelsius } from './temperature-units';

/**
 * APC Environmental Management System / EMU2 / NetBotz 200-series (PowerNet-MIB, 1.3.6.1.4.1.318.1.1.10.3):
 * emsProbeStatusTable and emsInputContactStatusTable. Temperatures and their thresholds are in the unit
 * set on the device (emsStatusSysTempUnits: 1 celsius, 2 fahrenheit).
 */
const EMS = '1.3.6.1.4.1.318.1.1.10.3';
export const EMS_OIDS = {
  identName: `${EMS}.1.1.0`,
  identModel: `${EMS}.1.2.0`,
  identFirmware: `${EMS}.1.3.0`,
  identHardware: `${EMS}.1.4.0`,
  identSerial: `${EMS}.1.6.0`,
  tempUnits: `${EMS}.12.11.0`,
} as const;
const PROBE_ENTRY = `${EMS}.13.1.1`;
const CONTACT_ENTRY = `${EMS}.14.1.1`;

/** emsProbeStatusEntry columns. */
const P = { name: 2, temp: 3, highTemp: 4, lowTemp: 5, humidity: 6, comm: 10, alarm: 11, maxTemp: 12, minTemp: 13 } as const;

/** emsProbeStatusProbeAlarmStatus bits (PowerNet-MIB): what the probe itself says is wrong. */
const ALARM_BITS: { bit: number; state: DeviceState; text: string }[] = [
  { bit: 0x0001, state: 'critical', text: 'maximum temperature exceeded' },
  { bit: 0x0002, state: 'warning', text: 'high temperature exceeded' },
  { bit: 0x0004, state: 'warning', text: 'low temperature exceeded' },
  { bit: 0x0008, state: 'critical', text: 'minimum temperature exceeded' },
  { bit: 0x0100, state: 'critical', text: 'maximum humidity exceeded' },
  { bit: 0x0200, state: 'warning', text: 'high humidity exceeded' },
  { bit: 0x0400, state: 'warning', text: 'low humidity exceeded' },
  { bit: 0x0800, state: 'critical', text: 'minimum humidity exceeded' },
];

export function alarmState(bits: number | null): { state: DeviceState; text: string } {
  if (bits === null || bits <= 0) return { state: 'ok', text: 'normal' };
  const hits = ALARM_BITS.filter((a) => (bits & a.bit) !== 0);
  if (!hits.length) return { state: 'warning', text: `alarm 0x${bits.toString(16)}` };
  const state = hits.some((h) => h.state === 'critical') ? 'critical' : 'warning';
  return { state, text: hits.map((h) => h.text).join(', ') };
}

export interface EmsReadings {
  model: string | null;
  name: string | null;
  firmware: string | null;
  serial: string | null;
  unit: 'celsius' | 'fahrenheit';
  probes: ProbeReading[];
  contacts: ContactReading[];
}

export function parseEmsProbes(table: SnmpTable, unit: 'celsius' | 'fahrenheit'): ProbeReading[] {
  const probes: ProbeReading[] = [];
  for (const [index, col] of table) {
    const comm = toNumber(col.get(P.comm));
    // Never-discovered slots are empty connectors, not probes.
    if (comm === 1) continue;
    const name = toText(col.get(P.name))?.trim() || `Probe ${index}`;
    if (comm === 3) {
      probes.push({ name, temperature: null, humidity: null, state: 'unknown', statusText: 'communication lost' });
      continue;
    }
    const c = (column: number): number | null => toCelsius(toNumber(col.get(column)), unit);
    const humidity = toNumber(col.get(P.humidity));
    const alarm = alarmState(toNumber(col.get(P.alarm)));
    probes.push({
      name,
      temperature: c(P.temp),
      // -1 (and 0, which no real room reaches) mean "no humidity sensor on this probe".
      humidity: humidity !== null && humidity > 0 ? humidity : null,
      state: alarm.state,
      statusText: alarm.text,
      highWarning: c(P.highTemp),
      highCritical: c(P.maxTemp),
      lowWarning: c(P.lowTemp),
      lowCritical: c(P.minTemp),
    });
  }
  return probes;
}

export function parseEmsContacts(table: SnmpTable): ContactReading[] {
  const contacts: ContactReading[] = [];
  for (const [index, col] of table) {
    const state = toNumber(col.get(3));
    const normal = toNumber(col.get(4));
    const closed = state === 1 ? true : state === 2 ? false : null;
    const alarm = closed === null || (normal !== 1 && normal !== 2) ? null : state !== normal;
    contacts.push({
      name: toText(col.get(2))?.trim() || `Contact ${index}`,
      closed,
      alarm,
      statusText: closed === null ? null : `${closed ? 'closed' : 'open'}${alarm ? ` (normally ${normal === 1 ? 'closed' : 'open'})` : ''}`,
    });
  }
  return contacts;
}

export async function readEms(session: SnmpSession): Promise<EmsReadings> {
  const r = await session.get(Object.values(EMS_OIDS));
  const unit = toNumber(r.get(EMS_OIDS.tempUnits)) === 2 ? 'fahrenheit' : 'celsius';
  const probes = parseEmsProbes(await session.table(PROBE_ENTRY, Object.values(P)), unit);
  const contacts = parseEmsContacts(await session.table(CONTACT_ENTRY, [2, 3, 4]));
  const text = (oid: string): string | null => toText(r.get(oid))?.trim() || null;
  return {
    model: text(EMS_OIDS.identModel),
    name: text(EMS_OIDS.identName),
    firmware: text(EMS_OIDS.identFirmware),
    serial: text(EMS_OIDS.identSerial),
    unit,
    probes,
    contacts,
  };
}
