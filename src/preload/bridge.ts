import { isCallName, isEventName } from '../shared/contract/channels';
import type { Transport } from '../shared/contract/client';

/** The part of Electron's ipcRenderer the bridge uses; a test passes an in-memory twin. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds the object exposed as `window.vigie`: only the contract's channels, no raw ipcRenderer, and an
 * unsubscribe function for every listener. Unknown channels are refused here, before reaching the main process.
 */
export function createPreloadBridge(ipc: IpcRendererLike): Transport {
  return Object.freeze({
    invoke(channel: string, payload: unknown): Promise<unknown> {
      if (!isCallName(channel)) {
        return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `Unknown call: ${channel}` } });
      }
      return ipc.invoke(channel, payload);
    },
    on(event: string, listener: (payload: unknown) => void): () => void {
      if (!isEventName(event)) throw new Error(`Unknown event: ${event}`);
      const wrapped = (_e: unknown, payload: unknown): void => listener(payload);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  });
}
