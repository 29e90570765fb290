import type { ParsedReq, Res } from '../../src/shared/contract/api';
import type { CallName } from '../../src/shared/contract/channels';
import { defaultSmtpSettings, type SmtpSettings } from '../../src/shared/contract/mail';

type M = Extract<CallName, `mail:${string}` | `schedule:${string}`>;
export type FakeMailHandlers = { [K in M]: (req: ParsedReq<K>) => Res<K> };

/** The fake console's mail: settings kept in memory; a test mail "fails" as an unconfigured one would. */
export function fakeMail(): FakeMailHandlers {
  let smtp: SmtpSettings = defaultSmtpSettings();
  return {
    'mail:settings': () => smtp,
    'mail:save': ({ password, ...fields }) => {
      smtp = { ...fields, passwordSet: password === undefined ? smtp.passwordSet : password !== null };
      return smtp;
    },
    'mail:test': () => ({
      ok: smtp.host !== '',
      durationMs: 5,
      messageId: smtp.host ? '<fake@vigie>' : null,
      failure: smtp.host ? null : { kind: 'not-configured', message: 'No SMTP server is configured', certificate: null },
    }),
    'mail:outbox': () => [],
    'mail:retry': () => ({ entry: null }),
    'mail:discard': () => ({ removed: false }),
    'schedule:next': () => [],
  };
}
