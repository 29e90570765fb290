import type { Command } from 'commander';
import { MailError } from '../core/mail/mailer';
import { addSmtpOptions, mailerFromOptions, MailUsageError, parseAddresses } from './mail-options';

/**
 * `vigie mail-test --to ADDRESS`: sends one test mail through the data folder's SMTP settings or --smtp.
 * Exit 0 when the server accepted it, 1 with one line saying what failed (DNS, refused, TLS, authentication,
 * recipient…), 2 for a command-line mistake.
 */
export function registerMailTestCommand(program: Command): Command {
  const cmd = program
    .command('mail-test')
    .description('Send a test mail through the SMTP settings of the data folder, or --smtp')
    .requiredOption('--to <addresses>', 'recipient(s), comma-separated')
    .option('--data <dir>', 'data folder whose mail settings to use (default: $VIGIE_DATA or ~/.local/share/vigie)')
    .option('--secrets <backend>', 'where the SMTP password is: keychain or file', 'keychain');
  return addSmtpOptions(cmd).action(async (raw: { to: string }) => {
    process.exitCode = await mailTestAction(raw);
  });
}

export async function mailTestAction(raw: { to: string }): Promise<number> {
  try {
    const to = parseAddresses(raw.to);
    const { mailer, choice } = await mailerFromOptions(raw);
    const server = `${choice.settings.host}:${choice.settings.port}`;
    const info = await mailer.send({
      to,
      subject: 'Vigie test mail',
      text: `This test mail was sent by "vigie mail-test" through ${server} (${choice.settings.security}), using ${choice.source}.`,
    });
    const refused = info.rejected.length ? ` (refused: ${info.rejected.join(', ')})` : '';
    process.stdout.write(`Test mail accepted by ${server} for ${info.accepted.join(', ')}${refused}; message id ${info.messageId}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MailUsageError) {
      process.stderr.write(`vigie mail-test: ${error.message}\n`);
      return 2;
    }
    const line = error instanceof MailError ? `${error.kind}: ${error.message}` : (error as Error).message;
    process.stderr.write(`vigie mail-test: not sent: ${line}\n`);
    return 1;
  }
}
