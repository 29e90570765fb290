import type { DeviceSummary } from '../../shared/contract/devices';
import type { ProcessStatsReading } from './process-stats';
import type { LatestValue } from './store/metric-store';

const STATE_VALUE = { ok: 0, warning: 1, critical: 2, unknown: 3 } as const;

function escapeLabel(v: string): string {
  // Most labels need nothing: skip the three regex passes for them.
  if (!/[\\\n"]/.test(v)) return v;
  return v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function metricName(metric: string): string {
  const n = metric.replace(/[^a-zA-Z0-9_]/g, '_').replace(/_+/g, '_');
  return `vigie_${/^[0-9]/.test(n) ? '_' + n : n}`;
}

/** Lines per chunk of the exposition: the HTTP route yields to the event loop between chunks. */
const LINES_PER_CHUNK = 2000;

/**
 * Latest value of every series in the Prometheus text format (0.0.4), so a team that outgrows one
 * workstation can scrape Vigie without changing the pollers. One gauge per metric name, labels device
 * (name), device_id, family, instance; plus vigie_device_state (0 ok, 1 warning, 2 critical, 3 unknown).
 *
 * In chunks: 1,000 devices make ~90,000 lines (13 MB); written in one go that blocked the event loop for
 * over half a second per scrape, polls and the console included (issue 18, soak). A device's labels and a
 * metric's name are escaped once, not once per line.
 */
export function* prometheusChunks(devices: readonly DeviceSummary[], latestOf: (deviceId: string) => readonly LatestValue[]): Generator<string> {
  const prefixes = new Map<string, string>();
  // Grouped by metric first (a family's lines must be contiguous); the text is made chunk by chunk.
  const groups = new Map<string, LatestValue[]>();
  let read = 0;
  for (const d of devices) {
    prefixes.set(d.id, `device="${escapeLabel(d.name)}",device_id="${escapeLabel(d.id)}",family="${escapeLabel(d.family)}"`);
    for (const v of latestOf(d.id)) {
      if (!Number.isFinite(v.value)) continue;
      let list = groups.get(v.metric);
      if (!list) groups.set(v.metric, (list = []));
      list.push(v);
    }
    // An empty chunk is a pause: reading 1,000 devices' series at once was itself a long block.
    if (++read % 50 === 0) yield '';
  }
  const families = new Map<string, LatestValue[][]>();
  for (const [metric, list] of groups) {
    const name = metricName(metric);
    const same = families.get(name);
    if (same) same.push(list);
    else families.set(name, [list]);
  }
  let out: string[] = [];
  for (const [name, lists] of [...families.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`# HELP ${name} Latest value polled by Vigie`, `# TYPE ${name} gauge`);
    for (const list of lists) {
      const metricLabel = `metric="${escapeLabel(list[0]?.metric ?? '')}"`;
      for (const v of list) {
        out.push(`${name}{${prefixes.get(v.deviceId) ?? ''},${metricLabel},instance="${escapeLabel(v.instance)}",unit="${v.unit}"} ${v.value} ${v.at}`);
        if (out.length >= LINES_PER_CHUNK) {
          yield out.join('\n') + '\n';
          out = [];
        }
      }
    }
  }
  out.push('# HELP vigie_device_state Device state: 0 ok, 1 warning, 2 critical, 3 unknown', '# TYPE vigie_device_state gauge');
  for (const d of devices) out.push(`vigie_device_state{${prefixes.get(d.id) ?? ''}} ${STATE_VALUE[d.state]}`);
  yield out.join('\n') + '\n';
}

/** The whole exposition as one string (tests, small sites). */
export function prometheusText(latest: readonly LatestValue[], devices: readonly DeviceSummary[]): string {
  const byDevice = new Map<string, LatestValue[]>();
  for (const v of latest) {
    const list = byDevice.get(v.deviceId);
    if (list) list.push(v);
    else byDevice.set(v.deviceId, [v]);
  }
  return [...prometheusChunks(devices, (id) => byDevice.get(id) ?? [])].join('');
}

/**
 * The process's own figures under the names Prometheus client libraries use (process_*, nodejs_*), so the
 * usual dashboards work unchanged; the event-loop lag over the window since the last scrape.
 */
export function processMetricsText(r: ProcessStatsReading): string {
  const out: string[] = [];
  const metric = (name: string, help: string, value: number, type: 'gauge' | 'counter' = 'gauge'): void => {
    out.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
  };
  metric('process_resident_memory_bytes', 'Resident memory size in bytes', r.residentBytes);
  metric('process_cpu_seconds_total', 'Total user and system CPU time spent in seconds', r.cpuSeconds, 'counter');
  metric('process_start_time_seconds', 'Start time of the process since unix epoch in seconds', r.startTimeSeconds);
  metric('nodejs_heap_size_used_bytes', 'Process heap size used from Node.js in bytes', r.heapUsedBytes);
  metric('nodejs_heap_size_total_bytes', 'Process heap size from Node.js in bytes', r.heapTotalBytes);
  metric('nodejs_external_memory_bytes', 'Node.js external memory size in bytes', r.externalBytes);
  if (r.openFds !== null) metric('process_open_fds', 'Number of open file descriptors', r.openFds);
  if (r.lag) {
    const late = 'of how late the event loop ran timers since the previous scrape';
    metric('vigie_event_loop_lag_p50_seconds', `Median ${late}`, r.lag.p50);
    metric('vigie_event_loop_lag_p99_seconds', `99th percentile ${late}`, r.lag.p99);
    metric('vigie_event_loop_lag_max_seconds', `Maximum ${late}`, r.lag.max);
  }
  return out.join('\n') + '\n';
}
