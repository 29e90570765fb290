import type { Handlers } from '../../../shared/contract/api';
import type { CallName } from '../../../shared/contract/channels';
import { VigieError } from '../../../shared/contract/envelope';
import type { AlertingService, NotificationService } from '../alerting/alerting-service';

type AlertingCall = Extract<CallName, `alerts:${string}` | `maintenance:${string}` | `notifications:${string}`>;
export type AlertingHandlers = Pick<Handlers, AlertingCall>;

/** The alerting calls, one line each; without the services they answer 'unavailable'. */
export function createAlertingHandlers(
  alerting: AlertingService | undefined,
  notifications: NotificationService | undefined,
  who: () => string,
): AlertingHandlers {
  const a = (): AlertingService => {
    if (!alerting) throw new VigieError('unavailable', 'Alerting is not available in this build');
    return alerting;
  };
  const n = (): NotificationService => {
    if (!notifications) throw new VigieError('unavailable', 'Notifications are not available in this build');
    return notifications;
  };
  const now = <T>(f: () => T): Promise<T> => Promise.resolve().then(f);
  return {
    'alerts:rules': (q) => now(() => a().rules(q)),
    'alerts:save-rule': (req) => now(() => a().saveRule(req.rule)),
    'alerts:remove-rule': (req) => now(() => ({ ok: a().removeRule(req.id) })),
    'alerts:save-override': (req) => now(() => (a().saveOverride(req.override), { ok: true })),
    'alerts:remove-override': (req) => now(() => ({ ok: a().removeOverride(req) })),
    'alerts:preview': (req) => now(() => a().preview(req)),
    'alerts:active': () => now(() => a().active()),
    'alerts:ack': (req) => now(() => ({ ok: a().acknowledge(req, who()) })),
    'alerts:unack': (req) => now(() => ({ ok: a().unacknowledge(req) })),
    'alerts:silence': (req) => now(() => ({ ok: a().silence(req) })),
    'alerts:incidents': (req) => now(() => a().incidents(req.open)),
    'alerts:settings': () => now(() => a().settings()),
    'alerts:save-settings': (req) => now(() => a().saveSettings(req)),
    'maintenance:list': () => now(() => a().maintenance()),
    'maintenance:save': (req) => now(() => a().saveMaintenance(req.window)),
    'maintenance:remove': (req) => now(() => ({ ok: a().removeMaintenance(req.id) })),
    'notifications:channels': () => now(() => n().channels()),
    'notifications:save': (req) => now(() => n().save(req.channels)),
    'notifications:test': (req) => n().test(req.channelId),
  };
}
