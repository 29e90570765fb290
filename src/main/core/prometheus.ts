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
  for (const v of latest) byDevice.set(v.deviceId, [...(byDevice.get(v.deviceId) ?? []), v]);
  return [...prometheusChunks(devices, (id) => byDevice.get(id) ?? [])].join('');
}

/**
 * The process's own figures under the names Prometheus client libraries use (process_*, nodejs_*), so the
 * usual dashboards work unchanged; the event-loop lag over the window since the last scrape.
 */
export function processMetricsText(r: ProcessStatsReading): string {
  const out: string[] = [
    '# HELP process_resident_memory_bytes Resident memory size in bytes',
    '# TYPE process_resident_memory_bytes gauge',
    `process_resident_memory_bytes ${r.residentBytes}`,
    '# HELP process_cpu_seconds_total Total user and system CPU time spent in seconds',
    '# TYPE process_cpu_seconds_total counter',
    `process_cpu_seconds_total ${r.cpuSeconds}`,
    '# HELP process_start_time_seconds Start time of the process since unix epoch in seconds',
    '# TYPE process_start_time_seconds gauge',
    `process_start_time_seconds ${r.startTimeSeconds}`,
    '# HELP nodejs_heap_size_used_bytes Process heap size used from Node.js in bytes',
    '# TYPE nodejs_heap_size_used_bytes gauge',
    `nodejs_heap_size_used_bytes ${r.heapUsedBytes}`,
    '# HELP nodejs_heap_size_total_bytes Process heap size from Node.js in bytes',
    '# TYPE nodejs_heap_size_total_bytes gauge',
    `nodejs_heap_size_total_bytes ${r.heapTotalBytes}`,
    '# HELP nodejs_external_memory_bytes Node.js external memory size in bytes',
    '# TYPE nodejs_external_memory_bytes gauge',
    `nodejs_external_memory_bytes ${r.externalBytes}`,
  ];
  if (r.openFds !== null) {
    out.push('# HELP process_open_fds Number of open file descriptors', '# TYPE process_open_fds gauge', `process_open_fds ${r.openFds}`);
  }
  if (r.lag) {
    for (const [name, value, what] of [
      ['p50', r.lag.p50, 'Median'],
      ['p99', r.lag.p99, '99th percentile'],
      ['max', r.lag.max, 'Maximum'],
    ] as const) {
      out.push(
        `# HELP vigie_event_loop_lag_${name}_seconds ${what} of how late the event loop ran timers since the previous scrape`,
        `# TYPE vigie_event_loop_lag_${name}_seconds gauge`,
        `vigie_event_loop_lag_${name}_seconds ${value}`,
      );
    }
  }
  return out.join('\n') + '\n';
}
