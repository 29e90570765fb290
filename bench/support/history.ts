import { freshMemory } from '../../src/main/core/alerting/check-memory';
import { EventStore } from '../../src/main/core/events/event-store';
import type { SampleInput } from '../../src/main/core/store/metric-store';
import { openMetricStore } from '../../src/main/core/store/sqlite-metric-store';
import { DAY, HOUR, MINUTE } from '../../src/main/core/store/tiers';
import type { Unit } from '../../src/shared/units';
import { generator, seededRandom, type Profile } from '../store-data';

/**
 * History of a site that has been running for a while, written through the stores' public APIs with a
 * simulated clock: the metric store's tiers and the event log (events, state history, the alerting engine's
 * check memory). A cold start then opens files shaped like a real site's, not empty ones.
 */

/** Twenty series per device, about what the Linux family keeps for a host with a few interfaces and disks. */
const SERIES_SHAPE: readonly { metric: string; instance: string; profile: Profile; unit: Unit }[] = [
  { metric: 'cpu.load', instance: '', profile: 'cpu', unit: 'percent' },
  { metric: 'mem.used', instance: '', profile: 'bytes', unit: 'bytes' },
  { metric: 'swap.used', instance: '', profile: 'bytes', unit: 'bytes' },
  { metric: 'load.1', instance: '', profile: 'fpct', unit: '' },
  ...['eth0', 'eth1', 'eth2', 'lo'].flatMap((i) => [
    { metric: 'if.in.bps', instance: i, profile: 'rate' as const, unit: 'bitsPerSecond' as const },
    { metric: 'if.out.bps', instance: i, profile: 'rate' as const, unit: 'bitsPerSecond' as const },
  ]),
  ...['/', '/var', '/home', '/boot', '/srv', '/tmp'].map((i) => ({
    metric: 'fs.used',
    instance: i,
    profile: 'bytes' as const,
    unit: 'bytes' as const,
  })),
  { metric: 'temp', instance: 'cpu', profile: 'temp', unit: 'celsius' },
  { metric: 'temp', instance: 'board', profile: 'temp', unit: 'celsius' },
];
export const SERIES_PER_DEVICE = SERIES_SHAPE.length;

export interface HistoryPlan {
  days: number;
  /** The last simulated sample (ms); the history ends here. */
  end: number;
}

/**
 * The metric store, `days` long, ending at `plan.end`. The raw tier keeps 24 h, so only the last 25 hours are
 * ingested at the 60-s polling interval; older days are ingested at 5-minute steps, one sample per bucket of
 * the 5m tier (the oldest tier they still live in), which gives the same rows and chunk layout as 60-s
 * polling (5m/1h/1d chunks of count/sum/min/max per bucket) in a fifth of the samples. Each simulated hour
 * is one transaction, followed by the maintenance the running app would have done (sealing, consolidation,
 * retention), with a budget large enough to finish it.
 */
export function writeMetricHistory(
  path: string,
  deviceIds: readonly string[],
  plan: HistoryPlan,
): { samples: number } {
  const store = openMetricStore(path, { maintainBudgetMs: 600_000 });
  const series = deviceIds.flatMap((deviceId, d) =>
    SERIES_SHAPE.map((s, i) => ({
      sample: {
        deviceId,
        metric: s.metric,
        instance: s.instance,
        unit: s.unit,
        value: 0,
      } satisfies SampleInput,
      next: generator(s.profile, d * SERIES_PER_DEVICE + i + 1),
    })),
  );
  const samples = series.map((s) => s.sample);
  const end = Math.floor(plan.end / MINUTE) * MINUTE;
  const start = Math.floor((end - plan.days * DAY) / HOUR) * HOUR;
  const fineFrom = end - 25 * HOUR;
  let written = 0;
  const simulateHour = store.database.transaction((hourStart: number) => {
    const step = hourStart >= fineFrom ? MINUTE : 5 * MINUTE;
    for (let t = hourStart; t < hourStart + HOUR && t <= end; t += step) {
      for (const s of series) s.sample.value = s.next(t);
      store.ingest(t, samples);
      written += samples.length;
    }
  });
  for (let hour = start; hour <= end; hour += HOUR) {
    simulateHour(hour);
    store.maintain(Math.min(hour + HOUR, end));
  }
  store.database.pragma('wal_checkpoint(TRUNCATE)');
  store.close();
  return { samples: written };
}

export interface EventPlan extends HistoryPlan {
  devices: readonly { id: string; name: string }[];
}

/**
 * The event log: each device goes down and up a few times over the period (events and state history, the
 * source of the weather), a few configuration events, and the alerting engine's memory of ten checks per
 * device, as a site that ran for `days` would have.
 */
export function writeEventHistory(path: string, plan: EventPlan): { events: number } {
  const store = new EventStore(path);
  const rnd = seededRandom(42);
  const from = plan.end - plan.days * DAY;
  let events = 0;
  // About one outage every three days per device: 40,000 rows for 1,000 devices over 30 days.
  for (const d of plan.devices) {
    store.recordState(d.id, from, 'ok');
    const outages = 1 + Math.floor((rnd() * 2 * plan.days) / 3);
    for (let k = 0; k < outages; k++) {
      const at = from + Math.floor(rnd() * (plan.days * DAY - HOUR));
      const back = at + Math.floor(rnd() * 30 * MINUTE) + MINUTE;
      const severity = rnd() < 0.5 ? 'warning' : 'critical';
      store.append({
        at,
        deviceId: d.id,
        deviceName: d.name,
        severity,
        kind: 'state',
        message: `${d.name} is ${severity}`,
      });
      store.recordState(d.id, at, severity);
      store.append({
        at: back,
        deviceId: d.id,
        deviceName: d.name,
        severity: 'ok',
        kind: 'state',
        message: `${d.name} is OK`,
      });
      store.recordState(d.id, back, 'ok');
      events += 2;
    }
  }
  store.append({
    at: from,
    deviceId: null,
    deviceName: null,
    severity: 'info',
    kind: 'system',
    message: 'devices imported',
  });
  events += 1;
  const checks = [
    'cpu.load',
    'mem.used',
    'swap.used',
    'if.up:eth0',
    'if.up:eth1',
    'fs.used:/',
    'fs.used:/var',
    'fs.used:/home',
    'temp:cpu',
    'reachable',
  ];
  store.alertChecks.write(
    plan.devices.flatMap((d) => [
      {
        deviceId: d.id,
        checkId: '',
        data: JSON.stringify({ notifiedState: 'ok', problemNotified: false, muted: false }),
      },
      ...checks.map((checkId) => ({
        deviceId: d.id,
        checkId,
        data: JSON.stringify({ ...freshMemory(from), lastValue: 1, lastSeenAt: plan.end }),
      })),
    ]),
  );
  store.close();
  return { events };
}
