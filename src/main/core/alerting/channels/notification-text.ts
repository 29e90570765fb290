import type { AlertChange } from '../../../../shared/contract/alerting';
import type { Notification } from '../../../../shared/contract/events';
import type { Lang } from '../../../../shared/format/locale';
import { changeText, severityWord } from './format-change';

/**
 * A change as a desktop or browser notification. The text is formatted in the console's language (the
 * host shows it as is); a device change carries its id so that a click opens the device's page.
 */
export function toNotification(change: AlertChange, lang: Lang): Notification {
  return {
    title: `${severityWord(change.severity, lang)} ${change.deviceName}`,
    body: changeText(change, lang),
    severity: change.severity,
    ...(change.kind === 'system' ? {} : { deviceId: change.deviceId }),
  };
}
