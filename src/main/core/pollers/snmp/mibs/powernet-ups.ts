import { toNumber, toText } from '../session/decode';
import type { SnmpSession, SnmpVarbind } from '../session/types';
import { enumText } from './enum-text';
import { emptyUpsReadings, type UpsReadings, type UpsStatus } from './ups-readings';

/**
 * APC PowerNet-MIB UPS objects (1.3.6.1.4.1.318.1.1.1). The high-precision objects (tenths) come first:
 * recent cards (AOS 3.x+) answer only those for capacity, temperature, voltages and load; older cards
 * answer only the "adv" integers.
 */
const U = '1.3.6.1.4.1.318.1.1.1';

export const POWERNET_UPS_OIDS = {
  basicModel: `${U}.1.1.1.0`,
  basicName: `${U}.1.1.2.0`,
  advFirmware: `${U}.1.2.1.0`,
  advSerial: `${U}.1.2.3.0`,
  basicBatteryStatus: `${U}.2.1.1.0`,
  basicTimeOnBattery: `${U}.2.1.2.0`,
  advBatteryCapacity: `${U}.2.2.1.0`,
  advBatteryTemperature: `${U}.2.2.2.0`,
  advRunTimeRemaining: `${U}.2.2.3.0`,
  advReplaceIndicator: `${U}.2.2.4.0`,
  advBadBattPacks: `${U}.2.2.6.0`,
  advBatteryActualVoltage: `${U}.2.2.8.0`,
  hpBatteryCapacity: `${U}.2.3.1.0`,
  hpBatteryTemperature: `${U}.2.3.2.0`,
  hpBatteryActualVoltage: `${U}.2.3.4.0`,
  advInputVoltage: `${U}.3.2.1.0`,
  advInputFrequency: `${U}.3.2.4.0`,
  advInputFailCause: `${U}.3.2.5.0`,
  hpInputVoltage: `${U}.3.3.1.0`,
  hpInputFrequency: `${U}.3.3.4.0`,
  basicOutputStatus: `${U}.4.1.1.0`,
  advOutputVoltage: `${U}.4.2.1.0`,
  advOutputFrequency: `${U}.4.2.2.0`,
  advOutputLoad: `${U}.4.2.3.0`,
  advOutputCurrent: `${U}.4.2.4.0`,
  hpOutputVoltage: `${U}.4.3.1.0`,
  hpOutputFrequency: `${U}.4.3.2.0`,
  hpOutputLoad: `${U}.4.3.3.0`,
  hpOutputCurrent: `${U}.4.3.4.0`,
} as const;

/** upsBasicOutputStatus → the shared vocabulary, and whether the state is a fault. */
const OUTPUT_STATUS: Record<number, { name: string; status: UpsStatus; fault?: boolean }> = {
  1: { name: 'unknown', status: 'other' },
  2: { name: 'onLine', status: 'online' },
  3: { name: 'onBattery', status: 'onBattery' },
  4: { name: 'onSmartBoost', status: 'boost' },
  5: { name: 'timedSleeping', status: 'sleeping' },
  6: { name: 'softwareBypass', status: 'bypass' },
  7: { name: 'off', status: 'off' },
  8: { name: 'rebooting', status: 'rebooting' },
  9: { name: 'switchedBypass', status: 'bypass' },
  10: { name: 'hardwareFailureBypass', status: 'bypass', fault: true },
  11: { name: 'sleepingUntilPowerReturn', status: 'sleeping' },
  12: { name: 'onSmartTrim', status: 'trim' },
  13: { name: 'ecoMode', status: 'online' },
  14: { name: 'hotStandby', status: 'online' },
  15: { name: 'onBatteryTest', status: 'selfTest' },
  16: { name: 'emergencyStaticBypass', status: 'bypass', fault: true },
  17: { name: 'staticBypassStandby', status: 'bypass' },
  18: { name: 'powerSavingMode', status: 'online' },
  19: { name: 'spotMode', status: 'other' },
  20: { name: 'eConversion', status: 'online' },
  21: { name: 'chargerSpotmode', status: 'other' },
  22: { name: 'inverterSpotmode', status: 'other' },
  23: { name: 'activeLoad', status: 'online' },
  24: { name: 'batteryDischargeSpotmode', status: 'other' },
  25: { name: 'inverterStandby', status: 'other' },
  26: { name: 'chargerOnly', status: 'other' },
  27: { name: 'distributedEnergyReserve', status: 'other' },
  28: { name: 'selfTest', status: 'selfTest' },
};

export const TRANSFER_CAUSE: Record<number, string> = {
  1: 'noTransfer',
  2: 'highLineVoltage',
  3: 'brownout',
  4: 'blackout',
  5: 'smallMomentarySag',
  6: 'deepMomentarySag',
  7: 'smallMomentarySpike',
  8: 'largeMomentarySpike',
  9: 'selfTest',
  10: 'rateOfVoltageChange',
};

const BATTERY_STATUS: Record<number, UpsReadings['batteryStatus']> = { 2: 'normal', 3: 'low', 4: 'fault', 5: 'absent' };

/** Tenths when the high-precision object exists, else the integer one; negative values mean "not available". */
export function preferTenths(tenths: number | null, units: number | null): number | null {
  if (tenths !== null && tenths >= 0) return tenths / 10;
  if (units !== null && units >= 0) return units;
  return null;
}

export function parsePowernetUps(r: Map<string, SnmpVarbind>): UpsReadings {
  const o = POWERNET_UPS_OIDS;
  const num = (oid: string): number | null => toNumber(r.get(oid));
  const out = emptyUpsReadings();
  out.manufacturer = 'APC';
  out.model = toText(r.get(o.basicModel))?.trim() || null;
  out.name = toText(r.get(o.basicName))?.trim() || null;
  out.serial = toText(r.get(o.advSerial))?.trim() || null;
  out.firmware = toText(r.get(o.advFirmware))?.trim() || null;
  const outputStatus = num(o.basicOutputStatus);
  const st = outputStatus === null ? undefined : OUTPUT_STATUS[outputStatus];
  out.status = outputStatus === null ? null : (st?.status ?? 'other');
  out.statusText = outputStatus === null ? null : (st?.name ?? `unknown(${outputStatus})`);
  out.statusFault = st?.fault === true;
  const battery = num(o.basicBatteryStatus);
  out.batteryStatus = battery === null ? null : (BATTERY_STATUS[battery] ?? null);
  out.batteryPercent = preferTenths(num(o.hpBatteryCapacity), num(o.advBatteryCapacity));
  const runtime = num(o.advRunTimeRemaining);
  out.runtimeSeconds = runtime === null ? null : runtime / 100;
  const onBattery = num(o.basicTimeOnBattery);
  out.secondsOnBattery = onBattery === null ? null : onBattery / 100;
  out.batteryTemperature = preferTenths(num(o.hpBatteryTemperature), num(o.advBatteryTemperature));
  out.batteryVoltage = preferTenths(num(o.hpBatteryActualVoltage), num(o.advBatteryActualVoltage));
  const replace = num(o.advReplaceIndicator);
  out.replaceBattery = replace === null ? null : replace === 2;
  const bad = num(o.advBadBattPacks);
  out.badBatteryPacks = bad !== null && bad >= 0 ? bad : null;
  out.inputVoltage = preferTenths(num(o.hpInputVoltage), num(o.advInputVoltage));
  out.inputFrequency = preferTenths(num(o.hpInputFrequency), num(o.advInputFrequency));
  out.outputVoltage = preferTenths(num(o.hpOutputVoltage), num(o.advOutputVoltage));
  out.outputFrequency = preferTenths(num(o.hpOutputFrequency), num(o.advOutputFrequency));
  out.outputCurrent = preferTenths(num(o.hpOutputCurrent), num(o.advOutputCurrent));
  out.loadPercent = preferTenths(num(o.hpOutputLoad), num(o.advOutputLoad));
  out.lastTransferCause = enumText(TRANSFER_CAUSE, num(o.advInputFailCause));
  return out;
}

export async function readPowernetUps(session: SnmpSession): Promise<UpsReadings> {
  return parsePowernetUps(await session.get(Object.values(POWERNET_UPS_OIDS)));
}
