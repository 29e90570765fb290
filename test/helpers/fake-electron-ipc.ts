import type { IpcMainLike } from '../../src/main/ipc/register-handlers';
import type { IpcRendererLike } from '../../src/preload/bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;
type Handler = (event: { senderFrame: unknown }, payload: unknown) => Promise<unknown>;

/**
 * Electron's IPC in memory, faithful where it matters for the contract: payloads and results go through
 * structured clone (as between processes), handlers see the sender frame's URL, main → renderer events go
 * to every listener of the channel. Lets the real preload bridge and the real handler registration run in Node.
 */
export class FakeElectronIpc {
  private readonly handlers = new Map<string, Handler>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(public frameUrl = 'file:///app/out/renderer/index.html') {}

  readonly ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, listener);
    },
    removeHandler: (channel) => {
      this.handlers.delete(channel);
    },
  };

  readonly ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      const handler = this.handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': No handler registered`);
      const result = await handler({ senderFrame: { url: this.frameUrl } }, structuredClone(args[0]));
      return structuredClone(result);
    },
    on: (channel, listener) => {
      let set = this.listeners.get(channel);
      if (!set) this.listeners.set(channel, (set = new Set()));
      set.add(listener);
    },
    removeListener: (channel, listener) => {
      this.listeners.get(channel)?.delete(listener);
    },
  };

  /** webContents.send */
  send(channel: string, payload: unknown): void {
    for (const l of this.listeners.get(channel) ?? []) l({}, structuredClone(payload));
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }
}
