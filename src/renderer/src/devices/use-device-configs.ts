import { useCallback, useEffect, useState } from 'react';
import type { DeviceConfig } from '../../../shared/contract/devices';
import { useApi } from '../api/api-context';

/**
 * Configs (interval, kind settings) of the devices on screen, fetched once per device with devices:get.
 * The summary the list is built from does not carry them (see the report: intervalSeconds belongs there).
 */
export function useDeviceConfigs(ids: readonly string[]): {
  configs: ReadonlyMap<string, DeviceConfig>;
  forget: (id: string) => void;
} {
  const { client } = useApi();
  const [configs, setConfigs] = useState<ReadonlyMap<string, DeviceConfig>>(new Map());
  const wanted = ids.filter((id) => !configs.has(id)).join('\n');

  useEffect(() => {
    if (!wanted) return;
    let stale = false;
    const list = wanted.split('\n');
    void Promise.allSettled(list.map((id) => client.call('devices:get', { id }))).then((results) => {
      if (stale) return;
      setConfigs((prev) => {
        const next = new Map(prev);
        for (const r of results) if (r.status === 'fulfilled') next.set(r.value.config.id, r.value.config);
        return next;
      });
    });
    return () => {
      stale = true;
    };
  }, [client, wanted]);

  const forget = useCallback((id: string) => {
    setConfigs((prev) => {
      const next = new Map(prev);
      next.delete(id);
      return next;
    });
  }, []);
  return { configs, forget };
}
