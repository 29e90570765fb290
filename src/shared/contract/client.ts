import type { EventPayload, Req, Res } from './api';
import type { CallName, EventName } from './channels';
import { unwrap } from './envelope';

/**
 * What carries calls and events: the preload bridge (`window.vigie`) in Electron, the web transport under
 * `serve`. Both return the raw envelope; the client turns an error envelope into a VigieError.
 */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

export interface VigieClient {
  call<K extends CallName>(channel: K, request: Req<K>): Promise<Res<K>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createClient(transport: Transport): VigieClient {
  return {
    async call(channel, request) {
      return unwrap(await transport.invoke(channel, request));
    },
    on(event, listener) {
      return transport.on(event, (payload) => listener(payload as EventPayload<typeof event>));
    },
  };
}
