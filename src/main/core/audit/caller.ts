import { AsyncLocalStorage } from 'node:async_hooks';
import { userInfo } from 'node:os';
import { msg, type Message } from '../../../shared/messages/message';

/**
 * Who made the call being handled. The server runs each API request inside `asCaller(webCaller(address))`;
 * a call with no such scope comes from the desktop window (or the CLI) of the user running the process.
 * AsyncLocalStorage, so the handlers need no extra argument through the contract's dispatcher. Kept as data,
 * not words, so that an audit line reads "par connexion web depuis …" to a French reader.
 */
export type Caller = { kind: 'web'; address: string } | { kind: 'desktop'; user: string | null };

const scope = new AsyncLocalStorage<Caller>();

export function webCaller(address: string): Caller {
  return { kind: 'web', address };
}

export function asCaller<T>(who: Caller, fn: () => T): T {
  return scope.run(who, fn);
}

function caller(): Caller {
  return scope.getStore() ?? { kind: 'desktop', user: desktopUser() };
}

/** The caller in English words, for the log and the English event text. */
export function currentCaller(): string {
  const c = caller();
  if (c.kind === 'web') return `web login from ${c.address}`;
  return c.user === null ? 'desktop user' : `desktop user ${c.user}`;
}

/** The same as a message, formatted in the reader's language. */
export function currentCallerMessage(): Message {
  const c = caller();
  if (c.kind === 'web') return msg('caller.web', { address: c.address });
  return c.user === null ? msg('caller.desktop-unknown') : msg('caller.desktop', { user: c.user });
}

function desktopUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    // No passwd entry for the uid (some containers): still say where it came from.
    return null;
  }
}
