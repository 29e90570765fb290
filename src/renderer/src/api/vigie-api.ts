import { createClient, type VigieClient } from '../../../shared/contract/client';
import type { Notification } from '../../../shared/contract/events';
import { DeviceStore } from './device-store';
import { EventStore } from './event-store';
import { pickTransport, type HostWindow } from './pick-transport';

export interface VigieApi {
  client: VigieClient;
  mode: 'ipc' | 'web';
  devices: DeviceStore;
  events: EventStore;
  /** Subscribes to the live events and loads the lists; returns the function that stops it all. */
  start(onNotify: (n: Notification) => void, onError: (e: unknown) => void): () => void;
}

/** Resync interval: events can be missed while a WebSocket reconnects; a full list every minute heals that. */
const RESYNC_MS = 60_000;

export function createVigieApi(win: HostWindow): VigieApi {
  const transport = pickTransport(win);
  const client = createClient(transport);
  const devices = new DeviceStore();
  const events = new EventStore();

  const loadDevices = async (): Promise<void> => devices.replaceAll(await client.call('devices:list', {}));
  const loadEvents = async (): Promise<void> =>
    events.replaceAll(await client.call('events:list', { limit: 50 }));

  return {
    client,
    mode: transport.mode,
    devices,
    events,
    start(onNotify, onError) {
      const offs = [
        client.on('devices:changed', (d) => devices.upsert(d)),
        client.on('devices:removed', ({ id }) => devices.remove(id)),
        client.on('events:appended', (e) => events.append(e)),
        client.on('notify:show', onNotify),
      ];
      const resync = (): void => {
        loadDevices().catch(onError);
      };
      loadDevices().catch(onError);
      loadEvents().catch(onError);
      const timer = setInterval(resync, RESYNC_MS);
      return () => {
        clearInterval(timer);
        for (const off of offs) off();
      };
    },
  };
}
