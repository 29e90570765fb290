import type { NotificationChannel } from './channel';
import { toNotification } from './notification-text';

/**
 * `serve`: a `notify:show` event to every signed-in browser, which shows it in the page and, when the user
 * allowed it, through the browser's Notification API. The desktop app shows its own (desktop channel).
 */
export const browserChannel: NotificationChannel<'browser'> = {
  type: 'browser',
  create(deps) {
    const show = (n: ReturnType<typeof toNotification>): void => deps.sink.emit('notify:show', n);
    return {
      send(_c, change) {
        if (deps.mode === 'web') show(toNotification(change, deps.language()));
      },
      test(_c, sample) {
        if (deps.mode !== 'web') return Promise.resolve({ ok: false, message: 'Browser notifications exist only under vigie serve' });
        show(toNotification(sample, deps.language()));
        return Promise.resolve({ ok: true, message: 'Shown in every open browser' });
      },
      stop: () => Promise.resolve(),
    };
  },
};
