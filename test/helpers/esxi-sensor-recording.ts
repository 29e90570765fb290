import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_SNMPREC } from './snmpsim';

export const ESXI_SNMPREC = `${SHARED_SNMPREC}vmware-esxi.snmprec`;

/**
 * ENTITY-MIB names (entPhysicalName, .7) and ENTITY-SENSOR-MIB rows (type, scale, precision, value, oper
 * status) as ESXi's agent would add them to the shared ESXi 7 recording, which has neither. Built from
 * RFC 3433 and RFC 4133 (no public walk of an ESXi host with these rows was found). Indices 20-23 are
 * entities the recording does not have.
 */
export const ESXI_SENSOR_ROWS: Readonly<Record<string, { name: string; type: number; scale: number; precision: number; value: number; status: number }>> = {
  '20': { name: 'System Board 1 Inlet Temp', type: 8, scale: 9, precision: 0, value: 24, status: 1 },
  '21': { name: 'Processor 1 CPU1 Temp', type: 8, scale: 9, precision: 1, value: 915, status: 3 },
  '22': { name: 'Fan Device 3 Fan 3', type: 10, scale: 9, precision: 0, value: 6120, status: 1 },
  '23': { name: 'Power Supply 1 PS1 Voltage', type: 4, scale: 8, precision: 0, value: 12_120, status: 1 },
};

function compareOids(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return x.length - y.length;
}

const oidOf = (line: string): string => line.slice(0, line.indexOf('|'));

/** vmwEnvTable rows (VMWARE-ENV-MIB): subsystem type .2, status .3 (VMWARE-TC-MIB), description .4. */
export const ESXI_ENV_ROWS: Readonly<Record<string, { type: number; status: number; description: string }>> = {
  '1': { type: 4, status: 2, description: 'Fan Device 1 Fan 1' },
  '2': { type: 3, status: 5, description: 'Power Supply 2 PS2 Status' },
};

function write(dir: string, name: string, extra: readonly string[]): string {
  const lines = readFileSync(ESXI_SNMPREC, 'utf8').split('\n').filter((l) => l.includes('|'));
  lines.push(...extra);
  lines.sort((a, b) => compareOids(oidOf(a), oidOf(b)));
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

/** The shared recording plus vmwEnvTable only, as `esxi-with-env.snmprec` in `dir`. */
export function esxiWithEnv(dir: string): string {
  const extra = Object.entries(ESXI_ENV_ROWS).flatMap(([i, e]) => [
    `1.3.6.1.4.1.6876.4.20.3.1.2.${i}|2|${e.type}`,
    `1.3.6.1.4.1.6876.4.20.3.1.3.${i}|2|${e.status}`,
    `1.3.6.1.4.1.6876.4.20.3.1.4.${i}|4|${e.description}`,
  ]);
  return write(dir, 'esxi-with-env.snmprec', extra);
}

/**
 * Writes the shared ESXi recording plus those rows, in OID order (snmpsim walks the file in order), as
 * `esxi-with-sensors.snmprec` in `dir`; ../shared is never modified. Returns the file's path.
 */
export function esxiWithSensors(dir: string): string {
  const extra = Object.entries(ESXI_SENSOR_ROWS).flatMap(([i, s]) => [
    `1.3.6.1.2.1.47.1.1.1.1.7.${i}|4|${s.name}`,
    `1.3.6.1.2.1.99.1.1.1.1.${i}|2|${s.type}`,
    `1.3.6.1.2.1.99.1.1.1.2.${i}|2|${s.scale}`,
    `1.3.6.1.2.1.99.1.1.1.3.${i}|2|${s.precision}`,
    `1.3.6.1.2.1.99.1.1.1.4.${i}|2|${s.value}`,
    `1.3.6.1.2.1.99.1.1.1.5.${i}|2|${s.status}`,
  ]);
  return write(dir, 'esxi-with-sensors.snmprec', extra);
}
