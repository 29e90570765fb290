import { useEffect, useState } from 'react';
import type { MetricsResult } from '../../../../shared/contract/metrics';
import { useApi } from '../../api/api-context';
import { isLiveRange, rangeQuery, windowQuery, type RangeId } from './range';
import type { Zoom } from './zoom-store';

export interface ChartData {
  result: MetricsResult | null;
  /** The window asked for, in ms: the x axis spans it even where the store has fewer samples. */
  window: { from: number; to: number } | null;
  error: string | null;
}

/**
 * Queries the store for a chart's series over a range. Live ranges are queried again at every poll of the
 * device (refreshKey = its last poll time); the previous result stays on screen while the next one loads.
 * A zoomed window is a fixed span of the past: it is queried once, at the resolution of its own width.
 */
export function useChartData(
  keys: string[],
  range: RangeId,
  widthBucket: number,
  refreshKey: number | null,
  zoom: Zoom | null = null,
): ChartData {
  const { client } = useApi();
  const [state, setState] = useState<ChartData>({ result: null, window: null, error: null });
  const keyList = keys.join('\n');
  const live = isLiveRange(range) && !zoom ? refreshKey : null;
  const zoomFrom = zoom?.from ?? null;
  const zoomTo = zoom?.to ?? null;

  useEffect(() => {
    const series = keyList ? keyList.split('\n') : [];
    if (series.length === 0 || widthBucket === 0) return;
    let stale = false;
    const query =
      zoomFrom !== null && zoomTo !== null
        ? windowQuery(series, zoomFrom, zoomTo, widthBucket)
        : rangeQuery(range, series, Date.now(), widthBucket);
    client.call('metrics:query', query).then(
      (result) => {
        if (!stale) setState({ result, window: { from: query.from, to: query.to }, error: null });
      },
      (error: unknown) => {
        if (!stale)
          setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
      },
    );
    return () => {
      stale = true;
    };
  }, [client, keyList, range, widthBucket, live, zoomFrom, zoomTo]);

  return state;
}
