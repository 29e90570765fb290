import type { AlertChange, ChannelConfig } from '../../../../shared/contract/alerting';
import type { Lang } from '../../../../shared/format/locale';
import type { AppInfo } from '../../../../shared/contract/settings';
import type { Mailer, OutgoingMail } from '../../mail/mailer';
import type { SubmitResult } from '../../mail/outbox';
import type { Clock, EventSink, Logger, Notifier } from '../../ports';

export type ChannelType = ChannelConfig['type'];
export type ChannelOf<T extends ChannelType> = Extract<ChannelConfig, { type: T }>;

/** What the mail channel needs from the core's MailService: the outbox for alerts, the mailer for a test. */
export interface MailPort {
  outbox: { submit(mail: OutgoingMail): Promise<SubmitResult> };
  mailer: Mailer;
}

export interface ChannelDeps {
  /** Which host runs the core: desktop notifications exist only in Electron, browser ones only under serve. */
  mode: AppInfo['mode'];
  mail?: MailPort;
  notifier: Notifier;
  sink: EventSink;
  clock: Clock;
  log: Logger;
  fetch: typeof fetch;
  /** The console's language for desktop and browser notifications (mail and webhooks have their own). */
  language: () => Lang;
  webhook?: WebhookOptions;
}

export interface WebhookOptions {
  timeoutMs?: number;
  /** Delay before each retry; its length bounds the retries. */
  retryDelaysMs?: readonly number[];
  /** Changes waiting behind a slow endpoint; older ones are dropped (and logged) past this. */
  maxQueue?: number;
}

export interface TestResult {
  ok: boolean;
  message: string;
}

/** One configured channel at work: it may batch between calls (mail), so it lives as long as its config. */
export interface ChannelRuntime<C> {
  send(config: C, change: AlertChange): void;
  /** Sends `sample` now, bypassing any batching, and says what happened. */
  test(config: C, sample: AlertChange): Promise<TestResult>;
  /** Delivers what is pending and waits for what is in flight. */
  stop(): Promise<void>;
}

/** A kind of channel: one file each, listed in `index.ts`. */
export interface NotificationChannel<T extends ChannelType> {
  type: T;
  create(deps: ChannelDeps): ChannelRuntime<ChannelOf<T>>;
}
