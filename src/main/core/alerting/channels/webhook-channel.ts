import type { AlertChange } from '../../../../shared/contract/alerting';
import type { ChannelOf, NotificationChannel, TestResult } from './channel';
import { webhookBody, webhookTarget, webhookUrlProblem } from './webhook-body';

type WebhookConfig = ChannelOf<'webhook'>;

const TIMEOUT_MS = 10_000;
const RETRY_DELAYS_MS = [2_000, 10_000, 30_000] as const;
const MAX_QUEUE = 200;

type Attempt = { ok: true; status: number } | { ok: false; status: number | null; error: string; retry: boolean };

/**
 * JSON POST per change, one at a time per channel: a failing endpoint gets at most 1 + retries requests per
 * change (5xx, 429, network errors and timeouts are retried after a growing delay; other 4xx are not), and
 * changes queued behind it are bounded, so an outage on the receiving side never becomes a retry storm.
 * Logs name the channel, the host and the HTTP status, never the URL's path or query (where the secret is).
 */
export const webhookChannel: NotificationChannel<'webhook'> = {
  type: 'webhook',
  create(deps) {
    const timeoutMs = deps.webhook?.timeoutMs ?? TIMEOUT_MS;
    const delays = deps.webhook?.retryDelaysMs ?? RETRY_DELAYS_MS;
    const maxQueue = deps.webhook?.maxQueue ?? MAX_QUEUE;
    const queue: { config: WebhookConfig; change: AlertChange }[] = [];
    let running: Promise<void> | null = null;
    let stopped = false;
    const waits = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

    const pause = (ms: number): Promise<void> =>
      new Promise((resolve) => {
        const w = {
          timer: setTimeout(() => {
            waits.delete(w);
            resolve();
          }, ms),
          resolve,
        };
        w.timer.unref();
        waits.add(w);
      });

    const post = async (c: WebhookConfig, change: AlertChange): Promise<Attempt> => {
      const problem = webhookUrlProblem(c.url);
      if (problem) return { ok: false, status: null, error: problem, retry: false };
      try {
        const res = await deps.fetch(c.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'Vigie' },
          body: JSON.stringify(webhookBody(change, c.language)),
          signal: AbortSignal.timeout(timeoutMs),
          redirect: 'error',
        });
        // The body is not needed; reading it frees the connection.
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return { ok: true, status: res.status };
        return { ok: false, status: res.status, error: `HTTP ${res.status}`, retry: res.status >= 500 || res.status === 429 };
      } catch (error) {
        const e = error as Error;
        const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
        const cause = (e.cause as { code?: string } | undefined)?.code;
        return { ok: false, status: null, error: timedOut ? `no answer within ${timeoutMs / 1000} s` : (cause ?? e.message), retry: true };
      }
    };

    const deliver = async (c: WebhookConfig, change: AlertChange): Promise<void> => {
      const where = { channel: c.id, host: webhookTarget(c.url), device: change.deviceName, kind: change.kind };
      for (let attempt = 0; ; attempt++) {
        const result = await post(c, change);
        if (result.ok) {
          if (attempt > 0) deps.log.info('webhook delivered after retry', { ...where, status: result.status, attempts: attempt + 1 });
          return;
        }
        const delay = delays[attempt];
        const giveUp = !result.retry || delay === undefined || stopped;
        deps.log.warn(giveUp ? 'webhook not delivered, given up' : 'webhook not delivered, will retry', {
          ...where,
          status: result.status,
          error: result.error,
          attempts: attempt + 1,
        });
        if (giveUp) return;
        await pause(delay);
      }
    };

    const drain = async (): Promise<void> => {
      for (let next = queue.shift(); next; next = queue.shift()) await deliver(next.config, next.change);
      running = null;
    };

    return {
      send(c, change) {
        queue.push({ config: c, change });
        if (queue.length > maxQueue) {
          const dropped = queue.shift();
          deps.log.warn('webhook queue full, oldest change dropped', { channel: c.id, device: dropped?.change.deviceName });
        }
        running ??= drain();
      },
      async test(c, sample): Promise<TestResult> {
        const result = await post(c, sample);
        const host = webhookTarget(c.url);
        const from = host ? ` from ${host}` : '';
        return result.ok ? { ok: true, message: `HTTP ${result.status}${from}` } : { ok: false, message: `${result.error}${from}` };
      },
      async stop() {
        // Deliveries in flight get their current attempt; waiting retries are cut short and then given up.
        stopped = true;
        for (const w of waits) {
          clearTimeout(w.timer);
          w.resolve();
        }
        waits.clear();
        await running;
      },
    };
  },
};
