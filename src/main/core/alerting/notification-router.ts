import type { AlertChange, ChannelConfig } from '../../../shared/contract/alerting';
import type { AppInfo } from '../../../shared/contract/settings';
import type { Lang } from '../../../shared/format/locale';
import type { Clock, EventSink, Logger, Notifier } from '../ports';
import type { ChannelRuntime, MailPort, TestResult, WebhookOptions } from './channels/channel';
import { sampleChange } from './channels/format-change';
import { createRuntime } from './channels/index';
import type { AlertNotifier } from './ports';

export interface NotificationRouterDeps {
  /** The saved channels, read at each change (a save applies to the next one). */
  channels: () => readonly ChannelConfig[];
  mode: AppInfo['mode'];
  mail?: MailPort;
  notifier: Notifier;
  sink: EventSink;
  clock: Clock;
  log: Logger;
  fetch?: typeof fetch;
  /** The console's language for desktop and browser notifications; English by default. */
  language?: () => Lang;
  webhook?: WebhookOptions;
}

export interface NotificationRouter extends AlertNotifier {
  /** Sends a sample change through one channel now (Settings → Notifications → Test). */
  test(channel: ChannelConfig): Promise<TestResult>;
  /** Flushes pending mails and waits for deliveries in flight; later changes are dropped. */
  stop(): Promise<void>;
}

/** Does this channel want this change? Severity, then device group ([] = every group). */
export function channelAccepts(channel: ChannelConfig, change: AlertChange): boolean {
  if (!channel.enabled) return false;
  if (!channel.severities.includes(change.severity)) return false;
  return channel.groups.length === 0 || channel.groups.includes(change.group);
}

/**
 * The engine's AlertNotifier: each change goes to every enabled channel whose filters accept it. A channel
 * keeps one runtime per id for as long as its type is the same (the mail channel batches inside it); a
 * removed channel's runtime is stopped, which sends what it was holding.
 */
export function createNotificationRouter(deps: NotificationRouterDeps): NotificationRouter {
  const runtimes = new Map<string, { type: ChannelConfig['type']; runtime: ChannelRuntime<ChannelConfig> }>();
  const retiring = new Set<Promise<void>>();
  let stopped = false;
  const channelDeps = {
    mode: deps.mode,
    mail: deps.mail,
    notifier: deps.notifier,
    sink: deps.sink,
    clock: deps.clock,
    log: deps.log,
    fetch: deps.fetch ?? globalThis.fetch.bind(globalThis),
    language: deps.language ?? ((): Lang => 'en'),
    webhook: deps.webhook,
  };

  const retire = (id: string): void => {
    const entry = runtimes.get(id);
    if (!entry) return;
    runtimes.delete(id);
    const p = entry.runtime
      .stop()
      .catch((error: unknown) => deps.log.error('notification channel did not stop cleanly', { channel: id, error: String(error) }))
      .finally(() => retiring.delete(p));
    retiring.add(p);
  };

  const runtimeFor = (c: ChannelConfig): ChannelRuntime<ChannelConfig> => {
    const entry = runtimes.get(c.id);
    if (entry && entry.type === c.type) return entry.runtime;
    retire(c.id);
    const runtime = createRuntime(c.type, channelDeps);
    runtimes.set(c.id, { type: c.type, runtime });
    return runtime;
  };

  return {
    send(change) {
      if (stopped) return;
      const channels = deps.channels();
      const ids = new Set(channels.map((c) => c.id));
      for (const id of [...runtimes.keys()]) if (!ids.has(id)) retire(id);
      for (const c of channels) {
        if (!channelAccepts(c, change)) continue;
        try {
          runtimeFor(c).send(c, change);
        } catch (error) {
          // One broken channel must not keep the change from the others.
          deps.log.error('notification channel failed', { channel: c.id, type: c.type, error: String(error) });
        }
      }
    },
    test(c) {
      return createRuntime(c.type, channelDeps)
        .test(c, sampleChange(c.id, deps.clock.now()))
        .catch((error: unknown) => ({ ok: false, message: error instanceof Error ? error.message : String(error) }));
    },
    async stop() {
      stopped = true;
      for (const id of [...runtimes.keys()]) retire(id);
      await Promise.all([...retiring]);
    },
  };
}
