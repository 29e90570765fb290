/**
 * Mail against a real `vigie serve`: configure the SMTP server in Settings, send a test mail to an SMTP
 * server started here (smtp-server, plain on loopback, parsed with mailparser), then make a report profile
 * with a daily schedule and see its next run in the editor and in Settings → Mail (from the core).
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { expect, test, type Page } from './fixtures';
import { look } from './support/look';
import { setUpAndSignIn } from './support/sign-in';

test.use({ actionTimeout: 30_000 });

async function startPlainSmtp(): Promise<{ port: number; received: ParsedMail[]; close: () => Promise<void> }> {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    disableReverseLookup: true,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (m) => {
          received.push(m);
          callback();
        },
        (e: Error) => callback(e),
      );
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const a = server.server.address();
      resolve(typeof a === 'object' && a ? a.port : 0);
    });
  });
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

/** A vCenter entry for the profile to name (nothing listens there: the schedule is what is tested). */
async function addVcenter(page: Page): Promise<void> {
  const answer = await page.evaluate(async (body) => {
    const r = await fetch('/api/call/devices:add', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return (await r.json()) as { ok: boolean; error?: unknown };
  }, {
    name: 'vc-mail',
    kind: 'vsphere',
    host: '127.0.0.1',
    port: 9,
    intervalSeconds: 3600,
    vsphere: { user: 'reader', tlsFingerprint: Array.from({ length: 32 }, () => 'AB').join(':') },
    secret: { password: 'not-used' },
  });
  expect(answer.ok, JSON.stringify(answer.error)).toBe(true);
}

test('configure SMTP, send a test mail, schedule a profile and see its next run', async ({ page, vigie }) => {
  test.setTimeout(180_000);
  const smtp = await startPlainSmtp();
  try {
    await setUpAndSignIn(page, vigie.url);
    await page.getByRole('link', { name: 'Settings' }).click();
    const section = page.getByTestId('mail-settings');
    await section.getByRole('textbox', { name: 'SMTP server', exact: true }).fill('127.0.0.1');
    await page.getByRole('radiogroup', { name: 'Security' }).getByText('None (plain text)', { exact: true }).click();
    await section.getByRole('textbox', { name: 'Port', exact: true }).fill(String(smtp.port));
    await section.getByRole('textbox', { name: 'From', exact: true }).fill('Vigie <vigie@example.com>');
    await section.getByRole('button', { name: 'Save mail settings' }).click();
    await expect(page.getByText('Mail settings saved')).toBeVisible();

    await section.getByRole('textbox', { name: 'Send a test mail to', exact: true }).fill('ops@example.com');
    await section.getByRole('button', { name: 'Send test mail' }).click();
    await expect(section.getByTestId('mail-test-result')).toContainText('The server accepted the test mail');
    await expect.poll(() => smtp.received.length, { timeout: 30_000 }).toBe(1);
    expect(smtp.received[0]!.subject).toBe('Vigie test mail');
    expect(smtp.received[0]!.from?.value[0]?.address).toBe('vigie@example.com');
    await look(page, 'mail-settings-test-ok');

    // A server that is not there: the precise reason, in the page.
    await section.getByRole('textbox', { name: 'Port', exact: true }).fill('9');
    await section.getByRole('button', { name: 'Save mail settings' }).click();
    await section.getByRole('button', { name: 'Send test mail' }).click();
    await expect(section.getByTestId('mail-test-result')).toContainText('Connection refused');
    await expect(section.getByTestId('mail-test-result')).toContainText('127.0.0.1:9');

    await addVcenter(page);
    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('button', { name: 'New profile' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Profile name').fill('Morning');
    await dialog.getByRole('radiogroup', { name: 'Runs by itself' }).getByText('Every day at', { exact: true }).click();
    await dialog.getByLabel('Time').fill('06:30');
    await expect(dialog.getByTestId('schedule-next')).toContainText(/Next run: .*6:30|Next run: .*06:30/);
    await dialog.getByLabel('Mail the report to').fill('ops@example.com');
    await dialog.getByLabel('Mail the report to').press('Enter');
    await look(page, 'mail-profile-schedule');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();

    await page.getByRole('link', { name: 'Settings' }).click();
    const row = page.getByTestId('scheduled-reports').getByRole('row', { name: /Morning/ });
    await expect(row).toContainText(/6:30|06:30/, { timeout: 30_000 });
    await look(page, 'mail-settings-scheduled');
  } finally {
    await smtp.close();
  }
});
