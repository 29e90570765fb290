import type { MetricValue } from '../../../../../shared/contract/devices';
import type { Row } from '../../source';
import type { Rule } from '../../../alerting/rule';
import type { SnmpPollContext } from '../family';
import { coreMetrics, processTable, readProcesses, readProcessorLoad, type StorageEntry } from '../mibs/host-resources';
import { optional } from '../optional';

/** The pieces of a host poll that Linux, Windows and the like share. */

/** Default rules of a server (device-families.md, Linux and Windows). */
export const HOST_RULES: Rule[] = [
  { id: 'cpu', label: 'CPU', labelCode: 'rule.cpu', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 },
  { id: 'memory', label: 'Memory available', labelCode: 'rule.memory', metric: 'memory.available.percent', op: '<', warning: 10, critical: 5 },
  { id: 'filesystem', label: 'Filesystem used', labelCode: 'rule.filesystem', metric: 'fs.used.percent', op: '>', warning: 85, critical: 95 },
  { id: 'load', label: 'Load (15 min) per CPU', labelCode: 'rule.load', metric: 'load.15.per.core', op: '>', warning: 2, forSeconds: 600 },
  { id: 'process', label: 'Watched process running', labelCode: 'rule.process', metric: 'process.count', op: '<', critical: 1, flagCode: 'flag.process-not-running' },
];

export interface CoresPart {
  rows: Row[];
  metrics: MetricValue[];
  count: number;
  mean: number | null;
}

export async function coresPart(ctx: SnmpPollContext): Promise<CoresPart> {
  const loads = await optional(() => readProcessorLoad(ctx.session), []);
  const { rows, metrics, mean } = coreMetrics(loads);
  return { rows, metrics, count: loads.length, mean };
}

/** Every process for the page, and the watched ones' count / CPU / memory; a 'watched' table with their state. */
export async function processesPart(ctx: SnmpPollContext): Promise<{ rows: Row[]; watchedRows: Row[]; metrics: MetricValue[] }> {
  const watched = ctx.device.watchedProcesses ?? [];
  const processes = await optional(() => readProcesses(ctx.session), []);
  // An agent without hrSWRun says nothing about watched processes: no "not running" from silence.
  if (processes.length === 0) return { rows: [], watchedRows: [], metrics: [] };
  const { rows, metrics } = processTable(ctx, processes, watched);
  const watchedRows: Row[] = watched.map((name) => {
    const value = (metric: string): number | null => metrics.find((m) => m.name === metric && m.instance === name)?.value ?? null;
    const count = value('process.count') ?? 0;
    return { name, running: count, cpu: value('process.cpu'), memory: value('process.memory'), state: count > 0 ? 'ok' : 'critical' };
  });
  return { rows, watchedRows, metrics };
}

/** memory.* metrics from total / available (bytes), plus what else is known. */
export function memoryMetrics(m: { total: number; available: number; free?: number | null; buffers?: number | null; cached?: number | null }): MetricValue[] {
  const out: MetricValue[] = [];
  const add = (name: string, value: number | null | undefined, unit: MetricValue['unit']): void => {
    if (value !== null && value !== undefined && Number.isFinite(value)) out.push({ name, instance: '', value, unit });
  };
  const used = Math.max(0, m.total - m.available);
  add('memory.total', m.total, 'bytes');
  add('memory.used', used, 'bytes');
  add('memory.available', m.available, 'bytes');
  add('memory.free', m.free, 'bytes');
  add('memory.buffers', m.buffers, 'bytes');
  add('memory.cached', m.cached, 'bytes');
  if (m.total > 0) {
    add('memory.used.percent', (used / m.total) * 100, 'percent');
    add('memory.available.percent', (m.available / m.total) * 100, 'percent');
  }
  return out;
}

export function swapMetrics(total: number | null, free: number | null): MetricValue[] {
  if (total === null || free === null) return [];
  const used = Math.max(0, total - free);
  const out: MetricValue[] = [
    { name: 'swap.total', instance: '', value: total, unit: 'bytes' },
    { name: 'swap.used', instance: '', value: used, unit: 'bytes' },
  ];
  if (total > 0) out.push({ name: 'swap.used.percent', instance: '', value: (used / total) * 100, unit: 'percent' });
  return out;
}

/** Storage rows whose description names them, whatever their type (net-snmp's "Memory buffers"...). */
export function storageNamed(storage: readonly StorageEntry[], pattern: RegExp): StorageEntry | undefined {
  return storage.find((s) => pattern.test(s.descr));
}

export function scalarMetric(name: string, value: number | null, unit: MetricValue['unit']): MetricValue[] {
  return value === null || !Number.isFinite(value) ? [] : [{ name, instance: '', value, unit }];
}
