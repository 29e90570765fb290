import type { ChannelConfig } from '../../../../shared/contract/alerting';
import { browserChannel } from './browser-channel';
import type { ChannelDeps, ChannelOf, ChannelRuntime, ChannelType, NotificationChannel } from './channel';
import { desktopChannel } from './desktop-channel';
import { mailChannel } from './mail-channel';
import { webhookChannel } from './webhook-channel';

/** Every kind of channel, by the `type` of its settings (see README.md to add one). */
export const CHANNELS: { [T in ChannelType]: NotificationChannel<T> } = {
  mail: mailChannel,
  webhook: webhookChannel,
  browser: browserChannel,
  desktop: desktopChannel,
};

/** A channel's runtime taking any config: checks that the config is of the channel's type. */
export function createRuntime<T extends ChannelType>(type: T, deps: ChannelDeps): ChannelRuntime<ChannelConfig> {
  const channel: NotificationChannel<T> = CHANNELS[type];
  const runtime = channel.create(deps);
  const own = (c: ChannelConfig): ChannelOf<T> => {
    if (c.type !== type) throw new Error(`channel ${c.id} is a ${c.type} channel, not ${type}`);
    return c as ChannelOf<T>;
  };
  return {
    send: (c, change) => runtime.send(own(c), change),
    test: (c, sample) => runtime.test(own(c), sample),
    stop: () => runtime.stop(),
  };
}
