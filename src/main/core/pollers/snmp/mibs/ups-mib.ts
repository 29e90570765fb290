import { optional } from '../optional';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable, SnmpVarbind } from '../session/types';
import { emptyUpsReadings, type UpsReadings, type UpsStatus } from './ups-readings';

/** UPS-MIB (RFC 1628, 1.3.6.1.2.1.33): the standard UPS objects most non-APC makes answer. */
const B = '1.3.6.1.2.1.33.1';

export const UPS_MIB_OIDS = {
  manufacturer: `${B}.1.1.0`,
  model: `${B}.1.2.0`,
  upsSoftwareVersion: `${B}.1.3.0`,
  name: `${B}.1.5.0`,
  batteryStatus: `${B}.2.1.0`,
  secondsOnBattery: `${B}.2.2.0`,
  minutesRemaining: `${B}.2.3.0`,
  chargeRemaining: `${B}.2.4.0`,
  batteryVoltage: `${B}.2.5.0`,
  batteryTemperature: `${B}.2.7.0`,
  outputSource: `${B}.4.1.0`,
  outputFrequency: `${B}.4.2.0`,
  alarmsPresent: `${B}.6.1.0`,
} as const;

const INPUT_ENTRY = `${B}.3.3.1`;
const OUTPUT_ENTRY = `${B}.4.4.1`;
const ALARM_ENTRY = `${B}.6.2.1`;
const WELL_KNOWN_ALARMS = `${B}.6.3.`;

const OUTPUT_SOURCE: Record<number, { name: string; status: UpsStatus; fault?: boolean }> = {
  1: { name: 'other', status: 'other' },
  2: { name: 'none', status: 'off', fault: true },
  3: { name: 'normal', status: 'online' },
  4: { name: 'bypass', status: 'bypass' },
  5: { name: 'battery', status: 'onBattery' },
  6: { name: 'booster', status: 'boost' },
  7: { name: 'reducer', status: 'trim' },
};

const BATTERY_STATUS: Record<number, UpsReadings['batteryStatus']> = { 2: 'normal', 3: 'low', 4: 'depleted' };

/**
 * upsWellKnownAlarms (RFC 1628 §upsAlarm) by last arc. The ones already expressed by other figures
 * (on battery, low battery, battery bad → replace, test in progress) are left out of the alarm list.
 */
export const WELL_KNOWN_ALARM_NAMES: Record<number, string | null> = {
  1: null,
  2: null,
  3: null,
  4: null,
  5: 'temperature out of tolerance',
  6: 'input out of tolerance',
  7: 'output out of tolerance',
  8: 'output overload',
  9: null,
  10: 'bypass out of tolerance',
  11: 'output off as requested',
  12: 'UPS off as requested',
  13: 'charger failed',
  14: 'UPS output off',
  15: 'UPS system off',
  16: 'fan failure',
  17: 'fuse failure',
  18: 'general fault',
  19: 'diagnostic test failed',
  20: 'communications lost',
  21: 'awaiting power',
  22: 'shutdown pending',
  23: 'shutdown imminent',
  24: null,
};
const ALARM_BATTERY_BAD = 1;

/** The first row by numeric index: phase 1 of a per-phase table. */
export function firstRow(t: SnmpTable): Map<number, SnmpVarbind> | undefined {
  const keys = [...t.keys()].sort((a, b) => Number(a) - Number(b));
  return keys.length ? t.get(keys[0] as string) : undefined;
}

const tenths = (n: number | null): number | null => (n === null ? null : n / 10);

export function parseUpsMib(scalars: Map<string, SnmpVarbind>, input: SnmpTable, output: SnmpTable, alarms: SnmpTable): UpsReadings {
  const o = UPS_MIB_OIDS;
  const num = (oid: string): number | null => toNumber(scalars.get(oid));
  const out = emptyUpsReadings();
  out.manufacturer = toText(scalars.get(o.manufacturer))?.trim() || null;
  out.model = toText(scalars.get(o.model))?.trim() || null;
  out.name = toText(scalars.get(o.name))?.trim() || null;
  out.firmware = toText(scalars.get(o.upsSoftwareVersion))?.trim() || null;
  const source = num(o.outputSource);
  const src = source === null ? undefined : OUTPUT_SOURCE[source];
  out.status = source === null ? null : (src?.status ?? 'other');
  out.statusText = source === null ? null : (src?.name ?? `unknown(${source})`);
  out.statusFault = src?.fault === true;
  const battery = num(o.batteryStatus);
  out.batteryStatus = battery === null ? null : (BATTERY_STATUS[battery] ?? null);
  out.batteryPercent = num(o.chargeRemaining);
  const minutes = num(o.minutesRemaining);
  out.runtimeSeconds = minutes === null || minutes < 0 ? null : minutes * 60;
  out.secondsOnBattery = num(o.secondsOnBattery);
  out.batteryVoltage = tenths(num(o.batteryVoltage));
  out.batteryTemperature = num(o.batteryTemperature);
  out.outputFrequency = tenths(num(o.outputFrequency));

  const inLine = firstRow(input);
  out.inputFrequency = tenths(toNumber(inLine?.get(2)));
  out.inputVoltage = toNumber(inLine?.get(3));
  const outLine = firstRow(output);
  out.outputVoltage = toNumber(outLine?.get(2));
  out.outputCurrent = tenths(toNumber(outLine?.get(3)));
  // On a three-phase UPS the most loaded phase is the one that trips.
  const loads = [...output.values()].map((row) => toNumber(row.get(5))).filter((v): v is number => v !== null);
  out.loadPercent = loads.length ? Math.max(...loads) : null;

  out.replaceBattery = battery === null && alarms.size === 0 ? null : false;
  for (const row of alarms.values()) {
    const id = row.get(2)?.value;
    if (typeof id !== 'string' || !id.startsWith(WELL_KNOWN_ALARMS)) continue;
    const arc = Number(id.slice(WELL_KNOWN_ALARMS.length));
    if (arc === ALARM_BATTERY_BAD) out.replaceBattery = true;
    const name = WELL_KNOWN_ALARM_NAMES[arc];
    if (name) out.alarms.push(name);
  }
  return out;
}

export async function readUpsMib(session: SnmpSession): Promise<UpsReadings> {
  const none: SnmpTable = new Map();
  // Each table on its own: an agent that refuses one still reports the others.
  const scalars = await optional(() => session.get(Object.values(UPS_MIB_OIDS)), new Map<string, SnmpVarbind>());
  const input = await optional(() => session.table(INPUT_ENTRY, [2, 3]), none);
  const output = await optional(() => session.table(OUTPUT_ENTRY, [2, 3, 5]), none);
  const alarms = await optional(() => session.table(ALARM_ENTRY, [2]), none);
  return parseUpsMib(scalars, input, output, alarms);
}
