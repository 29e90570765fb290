/**
 * The global limit on SNMP requests in flight, shared by every session of the process.
 *
 * Why: 500 devices polled at once would put thousands of datagrams on the wire in the same millisecond,
 * overflow socket buffers and agents, and turn into retries. A slot is held from send until the answer,
 * but at most `holdMs`: a request that has had no answer by then is most likely to a dead device, and
 * letting it keep its slot for its whole timeout (2 s × retries) would let dead devices starve live ones.
 * Past `holdMs` it no longer counts (a late answer is still accepted by its session).
 */
export class RequestLimiter {
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  /** Requests sent since start (PDUs, retries excluded): the benchmark reports it. */
  sent = 0;

  constructor(
    private max: number,
    private readonly holdMs: number,
  ) {}

  /** Waits for a slot; the returned function frees it (idempotent). */
  async acquire(): Promise<() => void> {
    // A freed slot is handed straight to the oldest waiter, so that a newcomer cannot overtake it.
    if (this.inFlight < this.max) this.inFlight++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.sent++;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      clearTimeout(timer);
      const next = this.inFlight <= this.max ? this.waiting.shift() : undefined;
      if (next) next();
      else this.inFlight--;
    };
    const timer = setTimeout(release, this.holdMs);
    timer.unref();
    return release;
  }

  setMax(max: number): void {
    this.max = Math.max(1, Math.floor(max));
    while (this.inFlight < this.max && this.waiting.length > 0) {
      this.inFlight++;
      this.waiting.shift()?.();
    }
  }

  get active(): number {
    return this.inFlight;
  }

  get queued(): number {
    return this.waiting.length;
  }
}

/** 64 requests in flight, slot held 250 ms at most. */
export const snmpLimiter = new RequestLimiter(64, 250);
