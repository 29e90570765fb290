import type { AlertChange } from '../../../../shared/contract/alerting';
import { MailError } from '../../mail/mailer';
import type { ChannelOf, NotificationChannel } from './channel';
import { renderAlertMail } from './mail-render';

type MailConfig = ChannelOf<'mail'>;

/**
 * Mail through the outbox (kept on disk, retried). Changes within `groupSeconds` of the first pending one go
 * out as ONE mail; a critical change goes at once and takes what is pending with it, so a storm is one mail
 * and an outage is never delayed by the window.
 */
export const mailChannel: NotificationChannel<'mail'> = {
  type: 'mail',
  create(deps) {
    let pending: AlertChange[] = [];
    let config: MailConfig | null = null;
    let timer: NodeJS.Timeout | null = null;
    const inFlight = new Set<Promise<void>>();

    const deliver = async (c: MailConfig, batch: AlertChange[]): Promise<void> => {
      if (!deps.mail) {
        deps.log.warn('alert mail not sent: no mail transport in this host', { channel: c.id, changes: batch.length });
        return;
      }
      try {
        // The outbox logs the outcome and keeps a failed mail for its retries.
        await deps.mail.outbox.submit(renderAlertMail(c.to, batch, c.language));
      } catch (error) {
        deps.log.error('alert mail could not be queued', { channel: c.id, error: (error as Error).message });
      }
    };

    const flush = (): void => {
      if (timer) clearTimeout(timer);
      timer = null;
      if (!pending.length || !config) return;
      const batch = pending;
      pending = [];
      const p = deliver(config, batch).finally(() => inFlight.delete(p));
      inFlight.add(p);
    };

    return {
      send(c, change) {
        config = c;
        pending.push(change);
        if (change.severity === 'critical' || c.groupSeconds === 0) flush();
        else if (!timer) {
          timer = setTimeout(flush, c.groupSeconds * 1000);
          // A pending mail must not keep a stopping process alive: stop() flushes it instead.
          timer.unref();
        }
      },
      async test(c, sample) {
        if (!deps.mail) return { ok: false, message: 'No mail transport in this host' };
        try {
          const info = await deps.mail.mailer.send(renderAlertMail(c.to, [sample], c.language));
          const refused = info.rejected.length ? `; refused: ${info.rejected.join(', ')}` : '';
          return { ok: true, message: `Sent to ${info.accepted.join(', ')}${refused}` };
        } catch (error) {
          const e = error as Error;
          return { ok: false, message: error instanceof MailError ? `${error.kind}: ${e.message}` : e.message };
        }
      },
      async stop() {
        flush();
        await Promise.all([...inFlight]);
      },
    };
  },
};
