import { CALL_CHANNELS } from '../../shared/contract/channels';
import type { Dispatch } from '../../shared/contract/dispatch';

export interface IpcMainLike {
  handle(channel: string, listener: (event: { senderFrame: unknown }, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/**
 * Registers one handler per contract call. Handlers stay thin: check the sender, hand the payload to the
 * dispatcher (which validates, runs the core service and wraps the envelope).
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  isTrustedSender: (senderFrame: unknown) => boolean,
): () => void {
  for (const channel of CALL_CHANNELS) {
    ipcMain.handle(channel, async (event, payload) => {
      if (!isTrustedSender(event.senderFrame)) {
        return { ok: false, error: { code: 'forbidden', message: 'Call refused: unknown sender frame' } };
      }
      return dispatch(channel, payload);
    });
  }
  return () => {
    for (const channel of CALL_CHANNELS) ipcMain.removeHandler(channel);
  };
}
