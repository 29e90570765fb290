import type { CallOptions, VimClient } from './client';
import { VsphereUnsupportedError } from './errors';
import { readProperty } from './property-collector';
import { struct, type MoRef } from './xml-build';
import { arrayItems, bool, child, children, date, moRef, num, text, xsiType, type XmlNode } from './xml-parse';

/** The realtime interval: hosts keep 20-second samples for about an hour. */
export const REALTIME_INTERVAL = 20;

export interface PerfCounter {
  key: number;
  group: string;
  name: string;
  rollup: string;
  /** vim25 unit key: percent (hundredths), kiloBytesPerSecond, number, megaHertz... */
  unit: string;
  statsType: string;
  level: number | undefined;
  /** group.name.rollup, e.g. net.received.average: how counters are looked up (keys differ between servers). */
  fullName: string;
}

export interface PerfInterval {
  key: number;
  samplingPeriod: number;
  name: string;
  length: number;
  level: number | undefined;
  enabled: boolean;
}

export interface PerfMetricId {
  counterId: number;
  /** '' = the aggregate; a device (vmnic0, vmhba1...) otherwise; '*' = every instance (vCenter). */
  instance: string;
}

export interface PerfQuery {
  entity: MoRef;
  metrics: readonly PerfMetricId[];
  /** Seconds: 20 for realtime, or a historical interval's samplingPeriod (300, 1800, 7200, 86400). */
  intervalId?: number;
  /** Latest N samples; without start, 1 gives the most recent value. */
  maxSample?: number;
  start?: Date;
  end?: Date;
}

export interface PerfSeries {
  counterId: number;
  instance: string;
  /** Raw values as the server sends them (percent in hundredths); -1 = no value for that sample. */
  values: number[];
}

export interface PerfEntityResult {
  entity: MoRef;
  samples: { timestamp: Date | undefined; interval: number | undefined }[];
  series: PerfSeries[];
}

function parseCounter(node: XmlNode): PerfCounter | undefined {
  const key = num(node, 'key');
  const group = text(node, 'groupInfo', 'key');
  const name = text(node, 'nameInfo', 'key');
  const rollup = text(node, 'rollupType');
  if (key === undefined || !group || !name || !rollup) return undefined;
  return {
    key,
    group,
    name,
    rollup,
    unit: text(node, 'unitInfo', 'key') ?? '',
    statsType: text(node, 'statsType') ?? '',
    level: num(node, 'level'),
    fullName: `${group}.${name}.${rollup}`,
  };
}

function parseEntityMetric(node: XmlNode): PerfEntityResult | undefined {
  const entity = moRef(child(node, 'entity'));
  if (!entity) return undefined;
  const samples = children(node, 'sampleInfo').map((s) => ({ timestamp: date(s, 'timestamp'), interval: num(s, 'interval') }));
  const series: PerfSeries[] = [];
  for (const v of children(node, 'value')) {
    const counterId = num(v, 'id', 'counterId');
    if (counterId === undefined) continue;
    const type = xsiType(v);
    // PerfMetricIntSeries carries repeated <value>; the CSV form (not requested here) a comma list.
    const values =
      type === 'PerfMetricSeriesCSV'
        ? (text(v, 'value') ?? '').split(',').map(Number)
        : children(v, 'value').map((x) => Number(typeof x === 'string' ? x : text(x)));
    series.push({ counterId, instance: text(v, 'id', 'instance') ?? '', values });
  }
  return { entity, samples, series };
}

/**
 * PerformanceManager: the counter catalog (by full name, since counter keys differ between servers),
 * available metrics per entity, and batched QueryPerf (many entities in one call, chunked for the server's
 * per-query limits).
 */
export class PerfManager {
  private catalog: Promise<Map<string, PerfCounter>> | null = null;

  constructor(private readonly client: VimClient) {}

  private async ref(opts: CallOptions): Promise<MoRef> {
    const sc = await this.client.serviceContent(opts);
    if (!sc.perfManager) throw new VsphereUnsupportedError('PerformanceManager', 'no performance manager in the service content');
    return sc.perfManager;
  }

  /** Every counter, read once per client from the perfCounter property, keyed by group.name.rollup. */
  counters(opts: CallOptions = {}): Promise<Map<string, PerfCounter>> {
    this.catalog ??= (async () => {
      const node = await readProperty(this.client, await this.ref(opts), 'perfCounter', opts);
      const map = new Map<string, PerfCounter>();
      for (const item of arrayItems(node)) {
        const c = parseCounter(item);
        if (c) map.set(c.fullName, c);
      }
      return map;
    })().catch((error: unknown) => {
      this.catalog = null;
      throw error;
    });
    return this.catalog;
  }

  /** QueryPerfCounter: counter descriptions by key. */
  async queryCounters(ids: readonly number[], opts: CallOptions = {}): Promise<PerfCounter[]> {
    const nodes = await this.client.call('QueryPerfCounter', await this.ref(opts), { counterId: ids }, opts);
    return nodes.map(parseCounter).filter((c): c is PerfCounter => c !== undefined);
  }

  /** The historical intervals the server keeps (5 min / 30 min / 2 h / 1 day on vCenter). */
  async historicalIntervals(opts: CallOptions = {}): Promise<PerfInterval[]> {
    const node = await readProperty(this.client, await this.ref(opts), 'historicalInterval', opts);
    return arrayItems(node).map((n) => ({
      key: num(n, 'key') ?? 0,
      samplingPeriod: num(n, 'samplingPeriod') ?? 0,
      name: text(n, 'name') ?? '',
      length: num(n, 'length') ?? 0,
      level: num(n, 'level'),
      enabled: bool(n, 'enabled') ?? false,
    }));
  }

  /** Whether an entity has realtime ("current") statistics, and at what refresh rate. */
  async providerSummary(entity: MoRef, opts: CallOptions = {}): Promise<{ currentSupported: boolean; summarySupported: boolean; refreshRate: number }> {
    const [node] = await this.client.call('QueryPerfProviderSummary', await this.ref(opts), { entity }, opts);
    return {
      currentSupported: bool(node, 'currentSupported') ?? false,
      summarySupported: bool(node, 'summarySupported') ?? false,
      refreshRate: num(node, 'refreshRate') ?? -1,
    };
  }

  /** QueryAvailablePerfMetric: which counters and instances (vmnic0, vmhba1...) an entity has. */
  async availableMetrics(entity: MoRef, intervalId = REALTIME_INTERVAL, opts: CallOptions = {}): Promise<PerfMetricId[]> {
    const nodes = await this.client.call('QueryAvailablePerfMetric', await this.ref(opts), { entity, intervalId }, opts);
    return nodes
      .map((n) => ({ counterId: num(n, 'counterId'), instance: text(n, 'instance') ?? '' }))
      .filter((m): m is PerfMetricId => m.counterId !== undefined);
  }

  /** QueryPerf for many entities, `batchSize` entities per call (sequential: the server does the work). */
  async query(queries: readonly PerfQuery[], opts: CallOptions & { batchSize?: number } = {}): Promise<PerfEntityResult[]> {
    const self = await this.ref(opts);
    const batch = opts.batchSize ?? 100;
    const out: PerfEntityResult[] = [];
    for (let i = 0; i < queries.length; i += batch) {
      const specs = queries.slice(i, i + batch).map((q) =>
        struct({
          entity: q.entity,
          startTime: q.start,
          endTime: q.end,
          maxSample: q.maxSample ?? (q.start ? undefined : 1),
          metricId: q.metrics.map((m) => struct({ counterId: m.counterId, instance: m.instance })),
          intervalId: q.intervalId ?? REALTIME_INTERVAL,
          format: 'normal',
        }),
      );
      const nodes = await this.client.call('QueryPerf', self, { querySpec: specs }, opts);
      for (const n of nodes) {
        const r = parseEntityMetric(n);
        if (r) out.push(r);
      }
    }
    return out;
  }
}
