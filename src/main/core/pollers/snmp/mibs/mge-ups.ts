import { optional } from '../optional';
import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpTable, SnmpVarbind } from '../session/types';
import { emptyUpsReadings, type UpsReadings } from './ups-readings';

/**
 * MGE UPS Systems MG-SNMP-UPS-MIB (upsmg = 1.3.6.1.4.1.705.1, release V1.7 AE), served by MGE and Eaton
 * (ex-MGE) Network Management Cards. The MIB gives no units; these are the ones the cards use (NUT's
 * mge-mib.c, LibreNMS): upsmgBatteryRemainingTime in seconds, upsmgBatteryLevel and mgoutputLoadPerPhase
 * in %, upsmgBatteryVoltage and the per-phase mginputVoltage / mgoutputVoltage in 0.1 V, mginputFrequency /
 * mgoutputFrequency in 0.1 Hz, mgoutputCurrent in 0.1 A, upsmgEnvironAmbientTemp in 0.1 °C,
 * upsmgBatteryTemperature in °C, upsmgConfigVARating in VA. Status objects are yes(1) / no(2).
 */
const M = '1.3.6.1.4.1.705.1';

export const MGE_UPS_OIDS = {
  identFamilyName: `${M}.1.1.0`,
  identModelName: `${M}.1.2.0`,
  identFirmwareVersion: `${M}.1.4.0`,
  identUserID: `${M}.1.5.0`,
  identSerialNumber: `${M}.1.7.0`,
  configVARating: `${M}.4.12.0`,
  batteryRemainingTime: `${M}.5.1.0`,
  batteryLevel: `${M}.5.2.0`,
  batteryVoltage: `${M}.5.5.0`,
  batteryTemperature: `${M}.5.7.0`,
  batteryFaultBattery: `${M}.5.9.0`,
  batteryNoBattery: `${M}.5.10.0`,
  batteryReplacement: `${M}.5.11.0`,
  batteryLowBattery: `${M}.5.14.0`,
  batteryLowCondition: `${M}.5.16.0`,
  outputOnBattery: `${M}.7.3.0`,
  outputOnByPass: `${M}.7.4.0`,
  outputUtilityOff: `${M}.7.7.0`,
  outputOnBoost: `${M}.7.8.0`,
  outputInverterOff: `${M}.7.9.0`,
  outputOverLoad: `${M}.7.10.0`,
  outputOverTemp: `${M}.7.11.0`,
  outputOnBuck: `${M}.7.12.0`,
  environAmbientTemp: `${M}.8.1.0`,
} as const;

/** upsmgInputPhaseEntry: 2 voltage, 3 frequency, 6 current. upsmgOutputPhaseEntry: 2 voltage, 3 frequency, 4 load %, 5 current. */
export const MGE_INPUT_ENTRY = `${M}.6.2.1`;
export const MGE_OUTPUT_ENTRY = `${M}.7.2.1`;

const YES = 1;
const NO = 2;

function rowsByIndex(t: SnmpTable): Map<number, SnmpVarbind>[] {
  return [...t.keys()].sort((a, b) => Number(a) - Number(b)).map((k) => t.get(k) ?? new Map<number, SnmpVarbind>());
}

const tenths = (n: number | null): number | null => (n === null ? null : n / 10);
const text = (vb: SnmpVarbind | undefined): string | null => toText(vb)?.trim() || null;
const emptyTable = (): SnmpTable => new Map();

export function parseMgeUps(scalars: Map<string, SnmpVarbind>, input: SnmpTable, output: SnmpTable): UpsReadings {
  const o = MGE_UPS_OIDS;
  const num = (oid: string): number | null => toNumber(scalars.get(oid));
  const yes = (oid: string): boolean | null => {
    const v = num(oid);
    return v === YES ? true : v === NO ? false : null;
  };
  const out = emptyUpsReadings();
  out.manufacturer = 'MGE';
  // "PULSAR M" + "2200": the family name alone is no model, the model name alone neither.
  out.model = [text(scalars.get(o.identFamilyName)), text(scalars.get(o.identModelName))].filter(Boolean).join(' ') || null;
  out.name = text(scalars.get(o.identUserID));
  out.serial = text(scalars.get(o.identSerialNumber));
  out.firmware = text(scalars.get(o.identFirmwareVersion));

  // No single "output source" object: the yes/no flags, most telling first.
  const onBattery = yes(o.outputOnBattery);
  const flags: [boolean | null, UpsReadings['status'], string][] = [
    [yes(o.outputInverterOff) === true && yes(o.outputOnByPass) !== true ? true : null, 'off', 'inverterOff'],
    [onBattery, 'onBattery', 'onBattery'],
    [yes(o.outputOnByPass), 'bypass', 'onByPass'],
    [yes(o.outputOnBoost), 'boost', 'onBoost'],
    [yes(o.outputOnBuck), 'trim', 'onBuck'],
  ];
  const active = flags.find(([flag]) => flag === true);
  if (active) {
    out.status = active[1];
    out.statusText = active[2];
    out.statusFault = active[1] === 'off';
  } else if (onBattery === false) {
    out.status = 'online';
    out.statusText = yes(o.outputUtilityOff) === true ? 'utilityOff' : 'onLine';
  }

  if (yes(o.batteryFaultBattery)) out.batteryStatus = 'fault';
  else if (yes(o.batteryNoBattery)) out.batteryStatus = 'absent';
  else if (yes(o.batteryLowBattery) || yes(o.batteryLowCondition)) out.batteryStatus = 'low';
  else if ([o.batteryFaultBattery, o.batteryNoBattery, o.batteryLowBattery].some((oid) => yes(oid) === false)) out.batteryStatus = 'normal';
  out.replaceBattery = yes(o.batteryReplacement);

  out.runtimeSeconds = num(o.batteryRemainingTime);
  out.batteryPercent = num(o.batteryLevel);
  out.batteryVoltage = tenths(num(o.batteryVoltage));
  out.batteryTemperature = num(o.batteryTemperature);
  out.ambientTemperature = tenths(num(o.environAmbientTemp));
  const va = num(o.configVARating);
  out.ratedVA = va !== null && va > 0 ? va : null;

  const inPhases = rowsByIndex(input);
  out.inputVoltage = tenths(toNumber(inPhases[0]?.get(2)));
  out.inputFrequency = tenths(toNumber(inPhases[0]?.get(3)));
  const outPhases = rowsByIndex(output);
  out.outputVoltage = tenths(toNumber(outPhases[0]?.get(2)));
  out.outputFrequency = tenths(toNumber(outPhases[0]?.get(3)));
  out.outputCurrent = tenths(toNumber(outPhases[0]?.get(5)));
  // A three-phase UPS is as loaded as its most loaded phase.
  const loads = outPhases.map((p) => toNumber(p.get(4))).filter((n): n is number => n !== null);
  out.loadPercent = loads.length ? Math.max(...loads) : null;

  if (yes(o.outputOverLoad)) out.alarms.push('output overload');
  if (yes(o.outputOverTemp)) out.alarms.push('temperature out of tolerance');
  return out;
}

/** Each part read on its own: a card that lacks a table (or refuses it) still reports the rest. */
export async function readMgeUps(session: SnmpSession): Promise<UpsReadings> {
  const scalars = await optional(() => session.get(Object.values(MGE_UPS_OIDS)), new Map<string, SnmpVarbind>());
  const input = await optional(() => session.table(MGE_INPUT_ENTRY, [2, 3, 6]), emptyTable());
  const output = await optional(() => session.table(MGE_OUTPUT_ENTRY, [2, 3, 4, 5]), emptyTable());
  return parseMgeUps(scalars, input, output);
}
