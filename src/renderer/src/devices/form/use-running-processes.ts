import { useEffect, useState } from 'react';
import { useApi } from '../../api/api-context';

/**
 * Names of the processes running on an existing device (its latest hrSWRun table), offered when choosing
 * which processes to watch. Empty for a new device or a family without a process table.
 */
export function useRunningProcesses(deviceId: string | null): string[] {
  const { client } = useApi();
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    if (!deviceId) return;
    let stale = false;
    client
      .call('devices:get', { id: deviceId })
      .then((detail) => {
        const rows = detail.snapshot?.tables.processes ?? [];
        const unique = new Set<string>();
        for (const r of rows) if (typeof r.name === 'string' && r.name) unique.add(r.name);
        if (!stale) setNames([...unique].sort((a, b) => a.localeCompare(b)));
      })
      .catch(() => undefined);
    return () => {
      stale = true;
    };
  }, [client, deviceId]);
  return names;
}
