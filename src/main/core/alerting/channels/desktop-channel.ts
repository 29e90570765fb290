import type { NotificationChannel } from './channel';
import { toNotification } from './notification-text';

/** The desktop app: the host's Notifier (a native notification; a click opens the device's page). */
export const desktopChannel: NotificationChannel<'desktop'> = {
  type: 'desktop',
  create(deps) {
    return {
      send(_c, change) {
        if (deps.mode === 'desktop') deps.notifier.notify(toNotification(change, deps.language()));
      },
      test(_c, sample) {
        if (deps.mode !== 'desktop') return Promise.resolve({ ok: false, message: 'Desktop notifications exist only in the desktop app' });
        deps.notifier.notify(toNotification(sample, deps.language()));
        return Promise.resolve({ ok: true, message: 'Shown on this computer' });
      },
      stop: () => Promise.resolve(),
    };
  },
};
