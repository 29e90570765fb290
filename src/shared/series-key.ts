/**
 * A series is one metric of one device, optionally for one instance (a core, a filesystem, an interface).
 * The key is a single string so it can index the store, label Prometheus output and cross every bridge.
 * '|' cannot appear in device ids or metric names; instances may contain anything but are escaped.
 */
export interface SeriesRef {
  deviceId: string;
  metric: string;
  instance: string;
}

export function seriesKey(deviceId: string, metric: string, instance = ''): string {
  // The store builds a key per sample ingested: most instances need no escaping, so skip the two passes.
  const escaped = instance.includes('%') || instance.includes('|') ? instance.replaceAll('%', '%25').replaceAll('|', '%7C') : instance;
  return `${deviceId}|${metric}|${escaped}`;
}

export function parseSeriesKey(key: string): SeriesRef {
  const first = key.indexOf('|');
  const second = key.indexOf('|', first + 1);
  if (first < 1 || second < 0) throw new Error(`Not a series key: ${key}`);
  return {
    deviceId: key.slice(0, first),
    metric: key.slice(first + 1, second),
    instance: key.slice(second + 1).replaceAll('%7C', '|').replaceAll('%25', '%'),
  };
}
