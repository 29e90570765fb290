import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { DeviceSummary } from '../../../shared/contract/devices';
import type { EventRecord } from '../../../shared/contract/events';
import type { VigieApi } from './vigie-api';

const ApiContext = createContext<VigieApi | null>(null);

export function ApiProvider({ api, children }: { api: VigieApi; children: ReactNode }): ReactNode {
  return <ApiContext value={api}>{children}</ApiContext>;
}

export function useApi(): VigieApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}

/** One device's live summary; re-renders only when that device changes. */
export function useDevice(id: string): DeviceSummary | undefined {
  const { devices } = useApi();
  return useSyncExternalStore(
    (l) => devices.subscribeId(id, l),
    () => devices.get(id),
  );
}

/** Ids of all devices, sorted by name; stable across value updates. */
export function useDeviceIds(): readonly string[] {
  const { devices } = useApi();
  return useSyncExternalStore(
    (l) => devices.subscribeIds(l),
    () => devices.ids(),
  );
}

/** Every summary; re-renders on any device update (for lists that show every device's state). */
export function useDevices(): readonly DeviceSummary[] {
  const { devices } = useApi();
  return useSyncExternalStore(
    (l) => devices.subscribeAll(l),
    () => devices.all(),
  );
}

/** Whether the first list has arrived (the ids listeners hear about it, value updates do not wake this). */
export function useDevicesLoaded(): boolean {
  const { devices } = useApi();
  return useSyncExternalStore(
    (l) => devices.subscribeIds(l),
    () => devices.isLoaded(),
  );
}

export function useRecentEvents(): readonly EventRecord[] {
  const { events } = useApi();
  return useSyncExternalStore(
    (l) => events.subscribe(l),
    () => events.recent(),
  );
}
