import type { Handlers } from '../../../shared/contract/api';
import type { CallName } from '../../../shared/contract/channels';
import { VigieError } from '../../../shared/contract/envelope';
import type { MailService } from '../mail/mail-service';
import type { ReportScheduler } from '../schedule/report-scheduler';

type MailCall = Extract<CallName, `mail:${string}` | `schedule:${string}`>;
export type MailHandlers = Pick<Handlers, MailCall>;

/** The `mail:*` and `schedule:*` calls, one line each; without the service they answer 'unavailable'. */
export function createMailHandlers(mail: MailService | undefined, schedule?: ReportScheduler): MailHandlers {
  const svc = (): MailService => {
    if (!mail) throw new VigieError('unavailable', 'Mail is not available in this build');
    return mail;
  };
  return {
    'mail:settings': () => Promise.resolve().then(() => svc().view()),
    'mail:save': (req) => svc().save(req),
    'mail:test': (req) => svc().test(req.to),
    'mail:outbox': () => Promise.resolve().then(() => svc().outbox.list()),
    'mail:retry': async (req) => ({ entry: await svc().outbox.retryNow(req.id) }),
    'mail:discard': (req) => Promise.resolve().then(() => ({ removed: svc().outbox.discard(req.id) })),
    'schedule:next': () => Promise.resolve(schedule ? schedule.nextRuns() : []),
  };
}
