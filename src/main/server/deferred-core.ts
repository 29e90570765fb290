import type { EventName } from '../../shared/contract/channels';
import type { ServedCore } from './served-core';

type Listener = (event: EventName, payload: unknown) => void;

export interface DeferredCore {
  /** Hand this to the server: calls wait for the real core, subscriptions reach it once it is there. */
  served: ServedCore;
  ready(core: ServedCore): void;
  failed(error: unknown): void;
}

/**
 * A stand-in for the core while it starts. `vigie serve` listens before it builds the core (modules, store,
 * inventory, alert memory, first polls), so that the login page, which needs none of it, answers within the
 * start-up bar on a large site; an API call or a scrape that arrives meanwhile waits for the core instead of
 * failing, and a core that cannot start fails the calls waiting on it.
 */
export function deferredCore(): DeferredCore {
  let real: ServedCore | null = null;
  let settle: { resolve: (core: ServedCore) => void; reject: (error: unknown) => void } | null = null;
  const started = new Promise<ServedCore>((resolve, reject) => {
    settle = { resolve, reject };
  });
  // A failed start is reported by serve itself; only the calls that wait should see it as theirs.
  started.catch(() => undefined);
  const early = new Map<Listener, () => void>();

  const served: ServedCore = {
    dispatch: async (channel, payload) => (await started).dispatch(channel, payload),
    subscribe(listener) {
      if (real) return real.subscribe(listener);
      early.set(listener, () => undefined);
      return () => {
        early.get(listener)?.();
        early.delete(listener);
      };
    },
    metrics() {
      // The metrics route checks the token first, which waits for the core: reaching here without one is a bug.
      if (!real) throw new Error('The core is still starting');
      return real.metrics();
    },
    metricsTokenMatches: async (token) => (await started).metricsTokenMatches(token),
    info: async () => (await started).info(),
    close: async () => {
      if (real) await real.close();
    },
  };

  return {
    served,
    ready(core) {
      real = core;
      for (const listener of early.keys()) early.set(listener, core.subscribe(listener));
      settle?.resolve(core);
    },
    failed(error) {
      settle?.reject(error);
    },
  };
}
