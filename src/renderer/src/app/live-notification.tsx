import { Anchor, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { Notification as VigieNotification } from '../../../shared/contract/events';
import { SEVERITY_COLOR } from '../components/state-colors';
import { href, navigate } from '../routing/route';
import { showBrowserNotification } from './browser-notification';

/**
 * A `notify:show` from the core: an in-page notification (text only: names come from devices) with a link
 * to the device, and the browser's own notification when the user allowed it.
 */
export function showLiveNotification(n: VigieNotification, t: TFunction): void {
  const { deviceId } = n;
  notifications.show({
    title: n.title,
    color: SEVERITY_COLOR[n.severity],
    // Critical stays longer, not forever: the Alerts page and the header keep every problem; a toast that
    // never leaves would sit over the page for the rest of the day.
    autoClose: n.severity === 'critical' ? 30_000 : 10_000,
    'data-testid': 'live-notification',
    message: (
      <>
        <Text size="sm" span>
          {n.body}
        </Text>
        {deviceId && (
          <>
            {' '}
            <Anchor size="sm" href={href({ page: 'device', id: deviceId })}>
              {t('notifyChannels.openDevice')}
            </Anchor>
          </>
        )}
      </>
    ),
  });
  showBrowserNotification(n, (id) => navigate({ page: 'device', id }));
}
