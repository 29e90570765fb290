import { useEffect, useState } from 'react';
import type { DeviceDetail } from '../../../shared/contract/devices';
import { VigieError } from '../../../shared/contract/envelope';
import { useApi, useDevice } from '../api/api-context';

export interface DetailState {
  detail: DeviceDetail | null;
  error: VigieError | null;
}

function asVigieError(e: unknown): VigieError {
  return e instanceof VigieError ? e : new VigieError('internal', e instanceof Error ? e.message : String(e));
}

/** The device's detail, fetched again whenever the live summary says a new poll landed. */
export function useDeviceDetail(id: string): DetailState {
  const { client } = useApi();
  const summary = useDevice(id);
  const lastPoll = summary?.lastPollAt ?? null;
  const state = summary?.state ?? null;
  const [result, setResult] = useState<DetailState & { id: string | null }>({
    id: null,
    detail: null,
    error: null,
  });

  useEffect(() => {
    let stale = false;
    client.call('devices:get', { id }).then(
      (detail) => {
        if (!stale) setResult({ id, detail, error: null });
      },
      (e: unknown) => {
        if (!stale) setResult((r) => ({ id, detail: r.id === id ? r.detail : null, error: asVigieError(e) }));
      },
    );
    return () => {
      stale = true;
    };
  }, [client, id, lastPoll, state]);

  return result.id === id ? result : { detail: null, error: null };
}
