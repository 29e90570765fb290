import type { ChannelConfig } from '../../../../shared/contract/alerting';

/**
 * A new data folder notifies where the user already is (the desktop app, or the browser tab of `serve`);
 * mail and webhooks need an address first, so none exists until the administrator adds one.
 */
export function defaultNotificationChannels(): ChannelConfig[] {
  const severities: ChannelConfig['severities'] = ['critical', 'warning', 'unknown', 'ok'];
  return [
    { id: 'browser', type: 'browser', enabled: true, severities, groups: [] },
    { id: 'desktop', type: 'desktop', enabled: true, severities, groups: [] },
  ];
}
