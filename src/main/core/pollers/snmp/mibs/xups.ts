import { optional } from '../optional';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable, SnmpVarbind } from '../session/types';
import { emptyUpsReadings, type UpsReadings, type UpsStatus } from './ups-readings';

/**
 * Eaton XUPS-MIB ("PowerMIB", xupsMIB = 1.3.6.1.4.1.534.1, revision 2019-09-27), served by Eaton/Powerware
 * ConnectUPS, Network-MS and Network-M2 cards. Units as the MIB states them: xupsBatTimeRemaining in
 * seconds, xupsBatVoltage in V DC, xupsBatCapacity and xupsOutputLoad in %, xupsInputFrequency and
 * xupsOutputFrequency in 0.1 Hz, per-phase xupsInputVoltage / xupsOutputVoltage in V RMS and
 * xupsOutputCurrent in A, xupsEnvAmbientTemp (xupsEnvironment 1, 534.1.6.1) in °C, xupsConfigOutputWatts in W.
 */
const X = '1.3.6.1.4.1.534.1';

export const XUPS_OIDS = {
  identManufacturer: `${X}.1.1.0`,
  identModel: `${X}.1.2.0`,
  identSoftwareVersion: `${X}.1.3.0`,
  identSerialNumber: `${X}.1.6.0`,
  batTimeRemaining: `${X}.2.1.0`,
  batVoltage: `${X}.2.2.0`,
  batCapacity: `${X}.2.4.0`,
  batteryAbmStatus: `${X}.2.5.0`,
  batteryFailure: `${X}.2.7.0`,
  batteryNotPresent: `${X}.2.8.0`,
  batteryAged: `${X}.2.9.0`,
  batteryLowCapacity: `${X}.2.10.0`,
  inputFrequency: `${X}.3.1.0`,
  outputLoad: `${X}.4.1.0`,
  outputFrequency: `${X}.4.2.0`,
  outputSource: `${X}.4.5.0`,
  envAmbientTemp: `${X}.6.1.0`,
  configOutputWatts: `${X}.10.3.0`,
} as const;

/** xupsInputEntry / xupsOutputEntry, indexed by phase: column 2 voltage (V), 3 current (A). */
export const XUPS_INPUT_ENTRY = `${X}.3.4.1`;
export const XUPS_OUTPUT_ENTRY = `${X}.4.4.1`;

/** xupsOutputSource → the shared vocabulary. none(2) means the output is not powered at all. */
const OUTPUT_SOURCE: Record<number, { name: string; status: UpsStatus; fault?: boolean }> = {
  1: { name: 'other', status: 'other' },
  2: { name: 'none', status: 'off', fault: true },
  3: { name: 'normal', status: 'online' },
  4: { name: 'bypass', status: 'bypass' },
  5: { name: 'battery', status: 'onBattery' },
  6: { name: 'booster', status: 'boost' },
  7: { name: 'reducer', status: 'trim' },
  8: { name: 'parallelCapacity', status: 'online' },
  9: { name: 'parallelRedundant', status: 'online' },
  10: { name: 'highEfficiencyMode', status: 'online' },
  11: { name: 'maintenanceBypass', status: 'bypass' },
  12: { name: 'essMode', status: 'online' },
};

const YES = 1;
const NO = 2;

function firstRow(t: SnmpTable): Map<number, SnmpVarbind> | undefined {
  const keys = [...t.keys()].sort((a, b) => Number(a) - Number(b));
  return keys.length ? t.get(keys[0] as string) : undefined;
}

const emptyTable = (): SnmpTable => new Map();
const tenths = (n: number | null): number | null => (n === null ? null : n / 10);
const text = (vb: SnmpVarbind | undefined): string | null => toText(vb)?.trim() || null;

export function parseXups(scalars: Map<string, SnmpVarbind>, input: SnmpTable, output: SnmpTable): UpsReadings {
  const o = XUPS_OIDS;
  const num = (oid: string): number | null => toNumber(scalars.get(oid));
  const out = emptyUpsReadings();
  out.manufacturer = text(scalars.get(o.identManufacturer)) ?? 'Eaton';
  out.model = text(scalars.get(o.identModel));
  out.serial = text(scalars.get(o.identSerialNumber));
  out.firmware = text(scalars.get(o.identSoftwareVersion));

  const source = num(o.outputSource);
  const src = source === null ? undefined : OUTPUT_SOURCE[source];
  out.status = source === null ? null : (src?.status ?? 'other');
  out.statusText = source === null ? null : (src?.name ?? `unknown(${source})`);
  out.statusFault = src?.fault === true;

  // The yes/no battery objects (2019 revision) say more than the charger state (xupsBatteryAbmStatus:
  // 6 batteryDisconnected, 8 checkBattery after a poor test); older cards have only the latter.
  const abm = num(o.batteryAbmStatus);
  const failure = num(o.batteryFailure);
  const notPresent = num(o.batteryNotPresent);
  const low = num(o.batteryLowCapacity);
  if (failure === YES || abm === 8) out.batteryStatus = 'fault';
  else if (notPresent === YES || abm === 6) out.batteryStatus = 'absent';
  else if (low === YES) out.batteryStatus = 'low';
  else if (abm !== null || failure === NO || notPresent === NO || low === NO) out.batteryStatus = 'normal';
  const aged = num(o.batteryAged);
  out.replaceBattery = aged === YES ? true : aged === NO ? false : null;

  out.runtimeSeconds = num(o.batTimeRemaining);
  out.batteryPercent = num(o.batCapacity);
  out.batteryVoltage = num(o.batVoltage);
  out.ambientTemperature = num(o.envAmbientTemp);
  out.loadPercent = num(o.outputLoad);
  out.inputFrequency = tenths(num(o.inputFrequency));
  out.outputFrequency = tenths(num(o.outputFrequency));
  const watts = num(o.configOutputWatts);
  out.ratedWatts = watts !== null && watts > 0 ? watts : null;

  const inPhase = firstRow(input);
  out.inputVoltage = toNumber(inPhase?.get(2));
  const outPhase = firstRow(output);
  out.outputVoltage = toNumber(outPhase?.get(2));
  out.outputCurrent = toNumber(outPhase?.get(3));
  return out;
}

/** Each part read on its own: a card that lacks a table (or refuses it) still reports the rest. */
export async function readXups(session: SnmpSession): Promise<UpsReadings> {
  const scalars = await optional(() => session.get(Object.values(XUPS_OIDS)), new Map<string, SnmpVarbind>());
  const input = await optional(() => session.table(XUPS_INPUT_ENTRY, [2, 3]), emptyTable());
  const output = await optional(() => session.table(XUPS_OUTPUT_ENTRY, [2, 3]), emptyTable());
  return parseXups(scalars, input, output);
}
