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
 */
export const HEAP_GROWING_PERCENT = 15;

/**
 * The young generation: V8 doubles its two semi-spaces (from 1 MB up to 16 MB each) while much of what it
 * scavenges survives, which a server that decodes a poll's tables every few milliseconds always looks like,
 * and then keeps them. `--max-semi-space-size` would cap them but V8 reads it only when the process starts;
 * the growth factor is read at each scavenge, so a factor of 1 set here keeps them at their initial size.
 */
export const SEMI_SPACE_GROWTH_FACTOR = 1;

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
  if (!given(execArgv, 'semi-space-growth-factor') && !given(execArgv, 'max-semi-space-size')) {
    set.push(`--semi-space-growth-factor=${SEMI_SPACE_GROWTH_FACTOR}`);
  }
  return set;
}

export function keepHeapCloseToLiveSet(execArgv: readonly string[] = defaultArgs()): void {
  for (const flag of heapFlags(execArgv)) setFlagsFromString(flag);
}
