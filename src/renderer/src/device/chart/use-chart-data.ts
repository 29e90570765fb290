import { useEffect, useState } from 'react';
import type { MetricsResult } from '../../../../shared/contract/metrics';
import { useApi } from '../../api/api-context';
import { isLiveRange, rangeQuery, type RangeId } from './range';

export interface ChartData {
  result: MetricsResult | null;
  /** The window asked for, in ms: the x axis spans it even where the store has fewer samples. */
  window: { from: number; to: number } | null;
  error: string | null;
}

/**
 * Queries the store for a chart's series over a range. Live ranges are queried again at every poll of the
 * device (refreshKey = its last poll time); the previous result stays on screen while the next one loads.
 */
export function useChartData(
  keys: string[],
  range: RangeId,
  widthBucket: number,
  refreshKey: number | null,
): ChartData {
  const { client } = useApi();
  const [state, setState] = useState<ChartData>({ result: null, window: null, error: null });
  const keyList = keys.join('\n');
  const live = isLiveRange(range) ? refreshKey : null;

  useEffect(() => {
    const series = keyList ? keyList.split('\n') : [];
    if (series.length === 0 || widthBucket === 0) return;
    let stale = false;
    const query = rangeQuery(range, series, Date.now(), widthBucket);
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
  }, [client, keyList, range, widthBucket, live]);

  return state;
}
