import type { ChannelConfig } from '../../../shared/contract/alerting';
import { VigieError } from '../../../shared/contract/envelope';
import { msg } from '../../../shared/messages/message';
import type { Audit } from '../audit/audit-trail';
import type { SettingsStore } from '../settings/settings-store';
import type { NotificationService } from './alerting-service';
import { webhookTarget, webhookUrlProblem } from './channels/webhook-body';
import type { NotificationRouter } from './notification-router';

export interface NotificationServiceDeps {
  settings: SettingsStore;
  router: Pick<NotificationRouter, 'test'>;
  audit: Audit;
}

/** A channel in words for the audit trail: where it sends, never a webhook's path or query (its secret). */
function describe(c: ChannelConfig): string {
  const where = c.type === 'mail' ? ` to ${c.to.join(', ')}` : c.type === 'webhook' ? ` to ${webhookTarget(c.url)}` : '';
  return `${c.type} "${c.id}"${where}${c.enabled ? '' : ' (disabled)'}`;
}

/** The same without words: `webhook "ops" → chat.example.com`, for a text in the reader's language. */
function where(c: ChannelConfig): string {
  const target = c.type === 'mail' ? c.to.join(', ') : c.type === 'webhook' ? webhookTarget(c.url) : null;
  return `${c.type} "${c.id}"${target ? ` → ${target}` : ''}`;
}

function validate(channels: readonly ChannelConfig[]): void {
  const seen = new Set<string>();
  channels.forEach((c, i) => {
    if (seen.has(c.id)) throw new VigieError('invalid_request', `Two channels are named "${c.id}"`, [{ path: `channels.${i}.id`, message: 'duplicate' }]);
    seen.add(c.id);
    if (c.type === 'webhook') {
      const problem = webhookUrlProblem(c.url);
      if (problem) throw new VigieError('invalid_request', `Webhook "${c.id}": ${problem}`, [{ path: `channels.${i}.url`, message: problem }]);
    }
  });
}

/** The `notifications:*` calls: the channels in the settings (`notificationChannels`), saved with an audit event. */
export function createNotificationService(d: NotificationServiceDeps): NotificationService {
  return {
    channels: () => d.settings.get().notificationChannels,
    save(channels) {
      validate(channels);
      const before = new Map(d.settings.get().notificationChannels.map((c) => [c.id, c]));
      const saved = d.settings.update((s) => ({ ...s, notificationChannels: channels })).notificationChannels;
      const after = new Map(saved.map((c) => [c.id, c]));
      const addedC = saved.filter((c) => !before.has(c.id));
      const removedC = [...before.values()].filter((c) => !after.has(c.id));
      const changedC = saved.filter((c) => before.has(c.id) && JSON.stringify(before.get(c.id)) !== JSON.stringify(c));
      const parts = [
        ...(addedC.length ? [`added ${addedC.map(describe).join('; ')}`] : []),
        ...(changedC.length ? [`changed ${changedC.map(describe).join('; ')}`] : []),
        ...(removedC.length ? [`removed ${removedC.map(describe).join('; ')}`] : []),
      ];
      // The reader's text: type, name and where it sends (addresses, a webhook's host), in no language.
      const list = (xs: ChannelConfig[]) => (xs.length ? xs.map(where).join('; ') : '—');
      if (parts.length)
        d.audit({
          what: `Notification channels saved: ${parts.join(' · ')}`,
          text: msg('audit.channels-saved', { added: list(addedC), changed: list(changedC), removed: list(removedC) }),
        });
      return saved;
    },
    async test(channelId) {
      const channel = d.settings.get().notificationChannels.find((c) => c.id === channelId);
      if (!channel) throw new VigieError('not_found', `No notification channel "${channelId}"`);
      return d.router.test(channel);
    },
  };
}
