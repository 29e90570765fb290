/**
 * Polls `attempt` until it returns something other than null, or throws with `what` and the peer's output
 * after `deadlineMs`. The way tests wait on a condition on a busy machine: never a fixed sleep.
 */
export async function waitUntil<T>(what: string, deadlineMs: number, attempt: () => Promise<T | null>, output: () => string = () => ''): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const r = await attempt();
    if (r !== null) return r;
    if (Date.now() > deadline) throw new Error(`${what} within ${deadlineMs / 1000} s${output() ? `: ${output()}` : ''}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}
