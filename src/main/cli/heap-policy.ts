import { setFlagsFromString } from 'node:v8';

/**
 * V8 lets the old generation grow to up to 4× what survived the last full collection before it collects
 * again, sized for throughput on a machine with free memory. A monitoring server is the opposite case: it
 * runs for months beside other services, allocates garbage at a steady rate (every poll decodes and
 * replaces tables) and keeps a live set that grows with the number of devices. Measured on 200 SNMP devices
 * polled every 10 s: 357 MB resident by default, 236 MB with the heap allowed to grow by 30 % past the live
 * set. With 1,000 Linux devices at 60 s (two servers side by side, 5.6 min): 428 MB at 30 %, 386 MB at
 * 15 %, for about 20 % more CPU (87 → 104 s) and the same event-loop lag: 15 % it is. Read by V8 at each
 * collection, so setting it at start takes effect. Issue 18, `npm run bench -- soak`.
 * The young generation is left as V8 sizes it. Its growth factor can be set at run time (its maximum only at
 * start), and a factor of 1 keeps it at 1 MB: with 1,000 Linux devices at 60 s, two servers side by side for
 * 11 min, that saved 45–55 MB of RSS but cost 40 % more CPU and doubled the event-loop lag p99 (9 → 21 ms):
 * more of each poll's short-lived tables were promoted and left to full collections.
 */
export const HEAP_GROWING_PERCENT = 15;

function defaultArgs(): string[] {
  return [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
}

/** Whether a V8 flag was given on the command line or in NODE_OPTIONS (dashes and underscores alike). */
function given(execArgv: readonly string[], flag: string): boolean {
  const name = flag.replace(/-/g, '[-_]');
  return execArgv.some((a) => new RegExp(`^--${name}(=|$)`).test(a));
}

/** The flags `serve` sets: an administrator's own (`node --heap-growing-percent=N …` or NODE_OPTIONS) win. */
export function heapFlags(execArgv: readonly string[]): string[] {
  const set: string[] = [];
  if (!given(execArgv, 'heap-growing-percent')) set.push(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return set;
}

export function keepHeapCloseToLiveSet(execArgv: readonly string[] = defaultArgs()): void {
  for (const flag of heapFlags(execArgv)) setFlagsFromString(flag);
}
