import { PollError } from '../source';

/**
 * Reads a part of a poll the device may lack or refuse. Agent-side errors (an SNMP error status, a view that
 * denies the subtree, an answer that does not decode) cost that part only: the rest of the poll stands. A
 * device that stopped answering (timeout) or rejects the credentials still fails the whole poll, since
 * nothing it would return could be trusted as current.
 */
export async function optional<T>(read: () => Promise<T>, fallback: T): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof PollError && (error.stage === 'protocol' || error.stage === 'permission')) return fallback;
    throw error;
  }
}
