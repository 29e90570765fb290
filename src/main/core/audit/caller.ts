import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';

/**
 * Who made the call being handled. The server runs each API request inside `asCaller('web login from …')`;
 * a call with no such scope comes from the desktop window (or the CLI) of the user running the process.
 * AsyncLocalStorage, so the handlers need no extra argument through the contract's dispatcher.
 */
const scope = new AsyncLocalStorage<string>();

export function asCaller<T>(who: string, fn: () => T): T {
  return scope.run(who, fn);
}

export function currentCaller(): string {
  return scope.getStore() ?? desktopUser();
}

function desktopUser(): string {
  try {
    return `desktop user ${userInfo().username}`;
  } catch {
    // No passwd entry for the uid (some containers): still say where it came from.
    return 'desktop user';
  }
}
