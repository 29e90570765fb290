import type {
  CheckState,
  DeviceConfig,
  UptimeStats,
  DeviceSnapshot,
  DeviceSummary,
  MetricValue,
  SeriesInfo,
} from '../../src/shared/contract/devices';
import type { FamilyDescriptor, Section } from '../../src/shared/families/descriptor';
import { seriesKey } from '../../src/shared/series-key';
import type { State } from '../../src/shared/states';
import type { Unit } from '../../src/shared/units';
import { valueForField, valueForUnit } from './fake-values';
import { hash, HOSTILE, rng } from './random';

export interface FakeDevice {
  config: DeviceConfig;
  summary: DeviceSummary;
  snapshot: DeviceSnapshot | null;
  checks: CheckState[];
  series: SeriesInfo[];
  uptime: UptimeStats;
}

const STATE_CYCLE: State[] = ['ok', 'ok', 'warning', 'ok', 'critical', 'ok', 'unknown', 'ok'];

function instancesFor(metric: string): string[] {
  if (metric.startsWith('if.') || metric.includes('net'))
    return ['eth0', 'eth1', 'Gi1/0/24', `vlan${HOSTILE}`];
  if (metric.startsWith('cpu') || metric.includes('cpu')) return ['0', '1', '2', '3'];
  return ['a', 'b', 'c'];
}

/** Metric, instance and unit of every series the descriptor's charts and stats name. */
function metricsOf(sections: readonly Section[]): { metric: string; instance: string; unit: Unit }[] {
  const out = new Map<string, { metric: string; instance: string; unit: Unit }>();
  const add = (metric: string, instance: string, unit: Unit): void => {
    out.set(`${metric}|${instance}`, { metric, instance, unit });
  };
  for (const s of sections) {
    if (s.kind === 'stats') for (const i of s.items) add(i.metric, i.instance ?? '', i.unit);
    if (s.kind === 'chart') {
      for (const spec of s.series) {
        if (spec.instance === '*')
          for (const inst of instancesFor(spec.metric)) add(spec.metric, inst, s.unit);
        else add(spec.metric, spec.instance ?? '', s.unit);
      }
    }
  }
  return [...out.values()];
}

export interface MakeDeviceOptions {
  id: string;
  name: string;
  descriptor: FamilyDescriptor;
  index: number;
  now: number;
  rows?: number;
  /** Rows of named tables, overriding `rows` for them. */
  tableRows?: Readonly<Record<string, number>>;
  state?: State;
}

export function makeDevice({
  id,
  name,
  descriptor,
  index,
  now,
  rows = 60,
  tableRows,
  state,
}: MakeDeviceOptions): FakeDevice {
  const r = rng(hash(id));
  const st = state ?? STATE_CYCLE[index % STATE_CYCLE.length] ?? 'ok';
  const identity: DeviceSnapshot['identity'] = {};
  const tables: DeviceSnapshot['tables'] = {};
  for (const s of descriptor.sections) {
    if (s.kind === 'identity') for (const f of s.fields) identity[f.key] = valueForField(f, index, r(), now);
    if (s.kind === 'table') {
      tables[s.table] = Array.from({ length: tableRows?.[s.table] ?? rows }, (_, row) =>
        Object.fromEntries(s.columns.map((c) => [c.key, valueForField(c, row, r(), now)])),
      );
    }
  }
  if ('name' in identity) identity.name = name;
  const tileSpec = descriptor.tile;
  // The tile's own figure may name a metric or identity key no section shows: the core fills it all the same.
  if (tileSpec?.source === 'identity' && !(tileSpec.key in identity))
    identity[tileSpec.key] = `${index + 3}/${index + 5}`;
  const named = metricsOf(descriptor.sections);
  if (
    tileSpec?.source === 'metric' &&
    !named.some((m) => m.metric === tileSpec.metric && m.instance === (tileSpec.instance ?? ''))
  ) {
    named.push({ metric: tileSpec.metric, instance: tileSpec.instance ?? '', unit: tileSpec.unit });
  }
  const metrics: MetricValue[] = named.map((m) => ({
    name: m.metric,
    instance: m.instance,
    unit: m.unit,
    value: valueForUnit(m.unit, r(), m.metric),
  }));
  const series: SeriesInfo[] = metrics.map((m) => ({
    key: seriesKey(id, m.name, m.instance),
    metric: m.name,
    instance: m.instance,
    unit: m.unit,
  }));
  const tile = descriptor.tile;
  let keyFigure: DeviceSummary['keyFigure'] = null;
  if (tile?.source === 'metric') {
    const m = metrics.find((x) => x.name === tile.metric && x.instance === (tile.instance ?? ''));
    keyFigure = { value: m?.value ?? null, text: null, unit: tile.unit };
  } else if (tile?.source === 'identity') {
    const v = identity[tile.key];
    keyFigure = { value: null, text: v === null || v === undefined ? null : String(v), unit: '' };
  }
  const message =
    st === 'ok'
      ? null
      : st === 'unknown'
        ? 'No answer to SNMP GET within 2000 ms (2 tries)'
        : `Volume /vol/data_001 is 98.2 % full (threshold ${st === 'critical' ? 95 : 90} %)`;
  const problems: DeviceSnapshot['problems'] = st === 'ok' ? [] : [{ severity: st, message: message ?? '' }];
  const ok = st === 'ok' ? 0.97 : st === 'warning' ? 0.8 : 0.5;
  const summary: DeviceSummary = {
    id,
    name,
    kind: descriptor.kind,
    family: descriptor.id,
    intervalSeconds: 60,
    group: descriptor.group,
    host: descriptor.kind === 'local' ? 'localhost' : `10.1.${index % 250}.${((index * 7) % 250) + 1}`,
    enabled: true,
    state: st,
    message,
    keyFigure,
    lastPollAt: now - 4_000,
    // An unreachable device keeps the figure of its last answer, 14 minutes before.
    ...(st === 'unknown' && keyFigure ? { keyFigureAt: now - 4_000 - 14 * 60_000 } : {}),
    uptimeSeconds: 86_400 * (3 + (index % 90)),
    weather: { ok, warning: (1 - ok) / 2, critical: (1 - ok) / 4, unknown: (1 - ok) / 4 },
  };
  const config: DeviceConfig = {
    id,
    name,
    kind: descriptor.kind,
    family: index % 3 === 0 ? 'auto' : descriptor.id,
    host: summary.host,
    port: null,
    intervalSeconds: descriptor.kind === 'local' ? 10 : 60,
    enabled: true,
    snmp:
      descriptor.kind === 'snmp'
        ? {
            version: '2c',
            timeoutMs: 2000,
            retries: 1,
            user: '',
            level: 'authPriv',
            authProtocol: 'sha',
            privProtocol: 'aes',
            context: '',
          }
        : null,
    vsphere: descriptor.kind === 'vsphere' ? { user: 'monitor@vsphere.local', tlsFingerprint: null } : null,
    http: descriptor.kind === 'http' ? { scheme: 'http', path: '/index.htm?em', timeoutMs: 5000 } : null,
    watchedProcesses: [],
    parentId: null,
    hasSecret: descriptor.kind !== 'local',
    detectedFamily: descriptor.id,
    createdAt: now - 30 * 86_400_000,
  };
  const checks: CheckState[] = [
    {
      id: 'reachable',
      label: 'Reachable',
      state: st === 'unknown' ? 'unknown' : 'ok',
      message: st === 'unknown' ? 'timeout' : 'answers',
      value: null,
      since: now - 3_600_000,
    },
    {
      id: 'space',
      label: 'Space used',
      state: st === 'unknown' ? 'ok' : st,
      message: message ?? 'below thresholds',
      value: 98.2,
      since: now - 7_200_000,
    },
  ];
  return {
    config,
    summary,
    snapshot: { at: now - 4_000, family: descriptor.id, identity, metrics, tables, state: st, problems },
    checks,
    series,
    uptime: {
      currentSeconds: summary.uptimeSeconds,
      lastRestartAt: summary.uptimeSeconds === null ? null : now - summary.uptimeSeconds * 1000,
      periods: (['day', 'week', 'month', 'year'] as const).map((period, i) => ({
        period,
        observedSeconds: [86_400, 7 * 86_400, 30 * 86_400, 9 * 86_400][i] ?? null,
        availabilityPercent: st === 'unknown' ? 61.5 - i : 100 - i * 0.35,
        outages: st === 'unknown' ? 3 + i : i,
        restarts: i,
        minUptimeSeconds: 86_400 * (1 + i),
        avgUptimeSeconds: 86_400 * (20 + i * 5),
        maxUptimeSeconds: summary.uptimeSeconds,
      })),
    },
  };
}
