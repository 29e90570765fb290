import type { Rule } from '../../../alerting/rule';
import type { Cell } from '../../source';
import type { SnmpFamily } from '../family';
import type { SnmpSession } from '../session/types';
import { MetricList } from '../../metric-list';

/**
 * What any UPS says, whatever its MIB: the APC (PowerNet), standard (UPS-MIB), Eaton (XUPS-MIB) and MGE
 * (MG-SNMP-UPS-MIB) readers all fill this, so that the families share metrics, rules, problems and page. Units are normalised (seconds, %, V,
 * Hz, °C, A); null means the UPS did not say.
 */
export type UpsStatus = 'online' | 'onBattery' | 'boost' | 'trim' | 'bypass' | 'off' | 'sleeping' | 'rebooting' | 'selfTest' | 'other';

export interface UpsReadings {
  manufacturer: string | null;
  model: string | null;
  name: string | null;
  serial: string | null;
  firmware: string | null;
  status: UpsStatus | null;
  /** The device's own word for its status (onSmartBoost, battery, hardwareFailureBypass...). */
  statusText: string | null;
  /** A bypass or off state caused by a fault rather than chosen. */
  statusFault: boolean;
  batteryStatus: 'normal' | 'low' | 'depleted' | 'fault' | 'absent' | null;
  batteryPercent: number | null;
  runtimeSeconds: number | null;
  secondsOnBattery: number | null;
  batteryTemperature: number | null;
  /** Near the UPS or its card (Eaton and MGE cards measure this, not the battery). */
  ambientTemperature: number | null;
  batteryVoltage: number | null;
  replaceBattery: boolean | null;
  badBatteryPacks: number | null;
  loadPercent: number | null;
  inputVoltage: number | null;
  inputFrequency: number | null;
  outputVoltage: number | null;
  outputFrequency: number | null;
  outputCurrent: number | null;
  lastTransferCause: string | null;
  /** Nameplate ratings, when the MIB states them (MGE: VA; Eaton: W). */
  ratedVA: number | null;
  ratedWatts: number | null;
  /** Alarms the UPS reports itself (UPS-MIB alarm table), as short texts. */
  alarms: string[];
}

export function emptyUpsReadings(): UpsReadings {
  return {
    manufacturer: null,
    model: null,
    name: null,
    serial: null,
    firmware: null,
    status: null,
    statusText: null,
    statusFault: false,
    batteryStatus: null,
    batteryPercent: null,
    runtimeSeconds: null,
    secondsOnBattery: null,
    batteryTemperature: null,
    ambientTemperature: null,
    batteryVoltage: null,
    replaceBattery: null,
    badBatteryPacks: null,
    loadPercent: null,
    inputVoltage: null,
    inputFrequency: null,
    outputVoltage: null,
    outputFrequency: null,
    outputCurrent: null,
    lastTransferCause: null,
    ratedVA: null,
    ratedWatts: null,
    alarms: [],
  };
}

/** Below these, a UPS on battery is about to drop its load. */
export const LOW_RUNTIME_SECONDS = 600;
export const LOW_CHARGE_PERCENT = 30;

export const UPS_RULES: Rule[] = [
  {
    id: 'ups-on-battery',
    label: 'On battery (critical below 10 min runtime or 30 % charge)', labelCode: 'rule.ups-on-battery',
    metric: 'ups.power.severity',
    op: '>=',
    warning: 1,
    critical: 2,
    flagCode: 'flag.on-battery',
  },
  { id: 'ups-replace-battery', label: 'Battery needs replacing', labelCode: 'rule.ups-replace-battery', metric: 'ups.battery.replace', op: '>=', warning: 1, flagCode: 'flag.replace-battery' },
  { id: 'ups-load', label: 'Load > 80 %', labelCode: 'rule.ups-load', metric: 'ups.load.percent', op: '>', warning: 80 },
  { id: 'ups-temperature', label: 'Battery temperature > 40 °C', labelCode: 'rule.ups-temperature', metric: 'ups.battery.temperature', op: '>', warning: 40 },
];

/**
 * 0 on mains, 1 on battery, 2 on battery with less than 10 min or 30 % left. One metric carries the
 * combined condition because a rule compares one metric: "runtime < 10 min" alone would alarm on a healthy
 * UPS with a small battery.
 */
export function powerSeverity(r: UpsReadings): number | null {
  // Only the output status or the time on battery say whether the UPS is on mains: without both, "on mains"
  // would be a guess (an agent that lost its output group must not turn a UPS on battery into an OK one).
  if (r.status === null && r.secondsOnBattery === null) return null;
  const onBattery = r.status === 'onBattery' || (r.status === null && r.secondsOnBattery !== null && r.secondsOnBattery > 0);
  if (!onBattery) return 0;
  const low =
    (r.runtimeSeconds !== null && r.runtimeSeconds < LOW_RUNTIME_SECONDS) ||
    (r.batteryPercent !== null && r.batteryPercent < LOW_CHARGE_PERCENT) ||
    r.batteryStatus === 'low' ||
    r.batteryStatus === 'depleted';
  return low ? 2 : 1;
}

function minutes(seconds: number): string {
  return `${Math.round(seconds / 60)} min`;
}

/** `id`: the rule judging the same condition (one check per condition: the engine keeps the rule's). */
type Problem = { severity: 'warning' | 'critical'; message: string; id?: string };

/** Readings → metrics for the rules and charts, the page's identity fields, and the problems the UPS states. */
export function upsFigures(r: UpsReadings, metrics: MetricList): { identity: Record<string, Cell>; problems: Problem[] } {
  const severity = powerSeverity(r);
  metrics.add('ups.battery.percent', r.batteryPercent, 'percent');
  metrics.add('ups.runtime', r.runtimeSeconds, 'seconds');
  metrics.add('ups.load.percent', r.loadPercent, 'percent');
  metrics.add('ups.input.voltage', r.inputVoltage, 'volts');
  metrics.add('ups.input.frequency', r.inputFrequency, 'hertz');
  metrics.add('ups.output.voltage', r.outputVoltage, 'volts');
  metrics.add('ups.output.frequency', r.outputFrequency, 'hertz');
  metrics.add('ups.output.current', r.outputCurrent, 'amperes');
  metrics.add('ups.battery.temperature', r.batteryTemperature, 'celsius');
  metrics.add('ups.ambient.temperature', r.ambientTemperature, 'celsius');
  metrics.add('ups.battery.voltage', r.batteryVoltage, 'volts');
  metrics.add('ups.time.on.battery', r.secondsOnBattery, 'seconds');
  metrics.flag('ups.on.battery', severity === null ? null : severity > 0);
  metrics.flag('ups.battery.replace', r.replaceBattery);
  metrics.add('ups.power.severity', severity, '');

  const problems: Problem[] = [];
  if (severity !== null && severity > 0) {
    const left = [r.runtimeSeconds !== null ? `${minutes(r.runtimeSeconds)} left` : null, r.batteryPercent !== null ? `${Math.round(r.batteryPercent)} % charge` : null]
      .filter(Boolean)
      .join(', ');
    problems.push({ id: 'ups-on-battery', severity: severity === 2 ? 'critical' : 'warning', message: `On battery${left ? ` (${left})` : ''}` });
  }
  if (r.replaceBattery) problems.push({ id: 'ups-replace-battery', severity: 'warning', message: 'Battery needs replacing' });
  if (r.badBatteryPacks !== null && r.badBatteryPacks > 0) problems.push({ severity: 'warning', message: `${r.badBatteryPacks} bad battery pack(s)` });
  if (r.batteryStatus === 'fault') problems.push({ severity: 'critical', message: 'Battery fault' });
  if (r.batteryStatus === 'depleted' && !(severity !== null && severity > 0)) problems.push({ severity: 'critical', message: 'Battery depleted' });
  if (r.status === 'bypass') {
    problems.push({ severity: r.statusFault ? 'critical' : 'warning', message: `On bypass (${r.statusText ?? 'bypass'}): the load is not protected` });
  }
  if (r.status === 'off') problems.push({ severity: 'critical', message: `Output off (${r.statusText ?? 'off'})` });
  for (const alarm of r.alarms) problems.push({ severity: 'warning', message: `UPS alarm: ${alarm}` });

  return {
    identity: {
      manufacturer: r.manufacturer,
      model: r.model,
      name: r.name,
      serial: r.serial,
      firmware: r.firmware,
      status: r.statusText ?? r.status,
      powerState: severity === null ? 'unknown' : severity === 0 ? 'ok' : severity === 1 ? 'warning' : 'critical',
      batteryStatus: r.batteryStatus,
      replaceBattery: r.replaceBattery,
      lastTransferCause: r.lastTransferCause,
      ratedVA: r.ratedVA,
      ratedWatts: r.ratedWatts,
    },
    problems,
  };
}

/** The poll of a UPS family: its MIB reader, then the shared figures (APC and UPS-MIB differ only in the reader). */
export function upsPoll(read: (session: SnmpSession) => Promise<UpsReadings>): SnmpFamily['poll'] {
  return async (ctx) => {
    const metrics = new MetricList();
    const { identity, problems } = upsFigures(await read(ctx.session), metrics);
    return { identity, metrics: metrics.values, tables: {}, problems, uptimeSeconds: ctx.system.sysUpTime };
  };
}
