import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelConfig } from '../../../../shared/contract/alerting';
import type { OutgoingMail } from '../../mail/mailer';
import type { ChannelOf, ChannelRuntime } from './channel';
import { mailChannel } from './mail-channel';
import { MAX_LISTED } from './mail-render';
import { change, recordingLog } from './test-changes';

type MailConfig = ChannelOf<'mail'>;
const config: MailConfig = {
  id: 'ops',
  type: 'mail',
  enabled: true,
  to: ['ops@example.com'],
  severities: ['critical', 'warning', 'unknown', 'ok'],
  groups: [],
  groupSeconds: 120,
  language: 'en',
};

describe('mail channel grouping (fake clock)', () => {
  let mails: OutgoingMail[];
  let runtime: ChannelRuntime<MailConfig>;

  beforeEach(() => {
    vi.useFakeTimers();
    mails = [];
    runtime = mailChannel.create({
      mode: 'web',
      notifier: { notify: () => undefined },
      sink: { emit: () => undefined },
      clock: { now: () => Date.now() },
      log: recordingLog(),
      fetch: () => Promise.reject(new Error('unused')),
      language: () => 'en',
      mail: {
        outbox: { submit: (m) => (mails.push(m), Promise.resolve({ sent: true, id: 'x', info: { messageId: 'm', accepted: m.to, rejected: [] } })) },
        mailer: { send: () => Promise.reject(new Error('unused')) },
      },
    });
  });
  afterEach(() => vi.useRealTimers());

  it('a burst within the window is one mail listing every change, recoveries included', async () => {
    for (let i = 0; i < 20; i++) runtime.send(config, change({ deviceName: `vm-${i}`, severity: i % 4 === 3 ? 'ok' : 'warning' }));
    await vi.advanceTimersByTimeAsync(119_000);
    expect(mails).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(mails).toHaveLength(1);
    const mail = mails[0] as OutgoingMail;
    expect(mail.subject).toBe('[Vigie] 20 changes, worst WARNING');
    for (let i = 0; i < 20; i++) expect(mail.text).toContain(`vm-${i}:`);
    expect(mail.text).toContain('  OK vm-3: vm-3 is OK again');
    expect(mail.html).toContain('<td style="padding:4px 8px;border-bottom:1px solid #dee2e6;text-align:left;vertical-align:top">vm-19</td>');
  });

  it('a critical change goes at once and takes what is pending with it', async () => {
    runtime.send(config, change({ deviceName: 'vm-a', severity: 'warning' }));
    runtime.send(config, change({ deviceName: 'esx-down', severity: 'critical' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(mails.map((m) => m.subject)).toEqual(['[Vigie] 2 changes, worst CRITICAL']);
    runtime.send(config, change({ deviceName: 'esx-2', severity: 'critical' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(mails[1]?.subject).toBe('[Vigie] CRITICAL esx-2: esx-2 is CRITICAL: CPU 92 %');
    // Nothing left behind for the window to send later.
    await vi.advanceTimersByTimeAsync(600_000);
    expect(mails).toHaveLength(2);
  });

  it('stop flushes what is pending', async () => {
    runtime.send(config, change({ deviceName: 'vm-late', severity: 'unknown' }));
    await runtime.stop();
    expect(mails.map((m) => m.subject)).toEqual(['[Vigie] UNKNOWN vm-late: vm-late is UNKNOWN: CPU 92 %']);
  });

  it('escapes what devices say, in the HTML part and in the one-line subject', async () => {
    const hostile: ChannelConfig = { ...config, groupSeconds: 0 };
    runtime.send(hostile, change({ deviceName: '<img src=x onerror=alert(1)>\r\nBcc: x@evil', severity: 'warning' }));
    await runtime.stop();
    const mail = mails[0] as OutgoingMail;
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });

  it('a storm larger than the list says how many more there are', async () => {
    for (let i = 0; i < MAX_LISTED + 7; i++) runtime.send(config, change({ deviceName: `vm-${i}`, severity: 'warning' }));
    await runtime.stop();
    const mail = mails[0] as OutgoingMail;
    expect(mail.subject).toBe(`[Vigie] ${MAX_LISTED + 7} changes, worst WARNING`);
    expect(mail.text).toContain(`vm-${MAX_LISTED - 1}:`);
    expect(mail.text).not.toContain(`vm-${MAX_LISTED}:`);
    expect(mail.text).toContain('… and 7 more changes (see the Events page)');
    expect(mail.html).toContain('<p>… and 7 more changes (see the Events page)</p>');
  });

  it('writes the mail in the channel language with French numbers', async () => {
    const fr: MailConfig = { ...config, language: 'fr', groupSeconds: 0 };
    runtime.send(
      fr,
      change({
        deviceName: 'nas-1',
        severity: 'critical',
        text: { code: 'check.threshold', params: { value: { value: 92.5, unit: 'percent' }, op: '>=', threshold: { value: 90, unit: 'percent' } } },
      }),
    );
    await runtime.stop();
    const mail = mails[0] as OutgoingMail;
    expect(mail.subject.replace(/\s/g, ' ')).toBe('[Vigie] CRITIQUE nas-1 : 92,5 % >= 90 %');
    expect(mail.text.replace(/\s/g, ' ')).toContain('1 changements d’état signalés par Vigie :');
    expect(mail.html).toContain('Équipement');
  });
});
