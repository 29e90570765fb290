import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** SIGTERM, then SIGKILL if the server has not exited within `graceMs` (a stuck shutdown must not hang a suite). */
export async function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, graceMs))]);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * Waits for a started server; one that never became ready is still a process and a directory: leave neither
 * behind. Returns `dispose` (stop + remove the directory) for the caller's handle.
 */
export async function readyOrCleanUp(ready: Promise<unknown>, stop: () => Promise<void>, dir: string): Promise<() => Promise<void>> {
  const dispose = async (): Promise<void> => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await ready;
  } catch (error) {
    await dispose();
    throw error;
  }
  return dispose;
}
