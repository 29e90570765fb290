export const SHUTDOWN_SIGNALS = ['SIGINT', 'SIGTERM'] as const satisfies readonly NodeJS.Signals[];

/**
 * Makes `onSignal` the only listener of SIGINT and SIGTERM, and returns a function that gives them back.
 *
 * Why take them from everyone else: the settings store's library (conf → atomically → when-exit) listens to
 * these signals once, runs its exit hooks and then re-sends the same signal to the process. While a graceful
 * close is waiting on a poll, that echo reached our listener as a second signal and turned one `systemctl stop`
 * into a forced exit 1. Those hooks also run on the process's 'exit' event, which the graceful close reaches
 * with process.exit, so nothing they do is lost.
 */
export function takeShutdownSignals(onSignal: (signal: NodeJS.Signals) => void): () => void {
  const removed = new Map<NodeJS.Signals, ((...args: unknown[]) => void)[]>();
  for (const signal of SHUTDOWN_SIGNALS) {
    const others = process.listeners(signal) as ((...args: unknown[]) => void)[];
    removed.set(signal, others);
    // Ours first: with no listener left even for a moment, Node would drop its signal watcher.
    process.on(signal, onSignal);
    for (const listener of others) process.removeListener(signal, listener);
  }
  return () => {
    for (const signal of SHUTDOWN_SIGNALS) {
      process.removeListener(signal, onSignal);
      for (const listener of removed.get(signal) ?? []) process.on(signal, listener);
    }
  };
}
