import { VsphereUnsupportedError } from './errors';
import { ManagedObjectNotFoundFault, MethodNotFoundFault, NotImplementedFault, NotSupportedFault } from './faults';
import type { MoRef } from './xml-build';

/**
 * Turns "this server does not have that" (no such method, not implemented, or the manager object itself
 * missing) into VsphereUnsupportedError naming the call, so that a check can say "unsupported" instead of
 * failing. Other errors pass through unchanged.
 */
export async function orUnsupported<T>(call: string, manager: MoRef, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof MethodNotFoundFault || error instanceof NotImplementedFault || error instanceof NotSupportedFault) {
      throw new VsphereUnsupportedError(call, error.faultType);
    }
    if (error instanceof ManagedObjectNotFoundFault && (!error.object || error.object.value === manager.value)) {
      throw new VsphereUnsupportedError(call, `${manager.type} ${manager.value} does not exist on this server`);
    }
    throw error;
  }
}
