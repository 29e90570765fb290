import { useCallback, useEffect, useState } from 'react';
import type { ActiveProblem, Incident } from '../../../shared/contract/alerting';
import { useApi } from '../api/api-context';

export interface AlertsData {
  problems: ActiveProblem[] | null;
  incidents: Incident[];
  error: string | null;
  reload: () => void;
}

/** Active problems and open incidents: two calls for every device, again on each `alerts:changed`. */
export function useAlerts(): AlertsData {
  const { client } = useApi();
  const [data, setData] = useState<Omit<AlertsData, 'reload'>>({ problems: null, incidents: [], error: null });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => client.on('alerts:changed', reload), [client, reload]);
  useEffect(() => {
    let stale = false;
    Promise.all([client.call('alerts:active', {}), client.call('alerts:incidents', { open: true })]).then(
      ([problems, incidents]) => {
        if (!stale) setData({ problems, incidents, error: null });
      },
      (e: unknown) => {
        if (!stale) setData((d) => ({ ...d, error: e instanceof Error ? e.message : String(e) }));
      },
    );
    return () => {
      stale = true;
    };
  }, [client, generation]);
  return { ...data, reload };
}
