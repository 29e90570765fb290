import { PollError } from '../source';
import type { SnmpSession } from './session/types';

/**
 * The session as one poll sees it: once the poll's signal fires (the scheduler's per-run timeout, a removed
 * device, shutdown), every pending and further request fails at once, so a slow device cannot keep a poll
 * alive past its deadline. The session itself stays open for the next poll.
 */
export function abortableSession(session: SnmpSession, signal: AbortSignal): SnmpSession {
  const aborted = (): PollError => {
    const reason: unknown = signal.reason;
    const detail = reason instanceof Error ? reason.message : typeof reason === 'string' ? reason : 'aborted';
    return new PollError('timeout', `Poll stopped before the device finished answering (${detail})`);
  };
  const guard = <T>(run: () => Promise<T>): Promise<T> => {
    if (signal.aborted) return Promise.reject(aborted());
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => reject(aborted());
      signal.addEventListener('abort', onAbort, { once: true });
      run().then(
        (v) => {
          signal.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  };
  return {
    get: (oids) => guard(() => session.get(oids)),
    walk: (oid) => guard(() => session.walk(oid)),
    table: (entry, columns) => guard(() => session.table(entry, columns)),
    close: () => undefined,
  };
}
