import { mkdtempSync, readdirSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../../src/shared/contract/alerting';
import { createNotificationRouter } from '../../../src/main/core/alerting/notification-router';
import { MailService } from '../../../src/main/core/mail/mail-service';
import { systemClock } from '../../../src/main/core/ports';
import { MemorySecretStore } from '../../../src/main/core/secrets/memory-secret-store';
import { missingPeer } from '../../helpers/peer';
import { hasOpenssl, selfSignedCertificate, startSmtp, type TestSmtp } from '../../helpers/smtp';
import { MemorySettings, recordingLog, stateChange, until } from './alert-test-kit';

const USER = 'vigie';
const PASSWORD = 'relay-secret-42';

function mailChannel(groupSeconds: number): Extract<ChannelConfig, { type: 'mail' }> {
  return {
    id: 'ops-mail',
    type: 'mail',
    enabled: true,
    to: ['ops@example.com'],
    severities: ['critical', 'warning', 'unknown', 'ok'],
    groups: [],
    groupSeconds,
    language: 'en',
  };
}

describe.skipIf(missingPeer('openssl', hasOpenssl ? null : 'openssl not installed (apt-get install openssl)'))(
  'alert mails against a real SMTP server: a storm is one mail, a critical change goes at once',
  () => {
    let dir: string;
    let smtp: TestSmtp;
    let mail: MailService;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'vigie-mail-storm-'));
      const tls = selfSignedCertificate(dir);
      smtp = await startSmtp({ key: tls.key, cert: tls.cert, user: USER, password: PASSWORD });
      mail = new MailService({ dataDir: dir, settings: new MemorySettings(), secrets: new MemorySecretStore(), clock: systemClock, log: recordingLog(), timeoutMs: 10_000 });
      await mail.save({
        host: '127.0.0.1',
        port: smtp.port,
        security: 'starttls',
        username: USER,
        password: PASSWORD,
        from: 'Vigie <vigie@example.com>',
        replyTo: null,
        caFile: null,
        pinnedCertificate: { fingerprint: new X509Certificate(tls.cert).fingerprint256.toUpperCase(), pem: tls.cert },
      });
    });
    afterAll(async () => {
      await mail.stop();
      await smtp.close();
    });

    const routerWith = (channel: ChannelConfig) =>
      createNotificationRouter({
        channels: () => [channel],
        mode: 'web',
        mail,
        notifier: { notify: () => undefined },
        sink: { emit: () => undefined },
        clock: systemClock,
        log: recordingLog(),
      });

    it('50 state changes within the window give exactly one mail listing the 50 devices, recoveries included', async () => {
      const before = smtp.received.length;
      const router = routerWith(mailChannel(2));
      const names = Array.from({ length: 50 }, (_, i) => `esx-${String(i).padStart(2, '0')}`);
      names.forEach((name, i) => router.send(stateChange(name, i % 10 === 9 ? 'ok' : i % 2 ? 'unknown' : 'warning')));
      // The window holds them: nothing reaches the server before it ends.
      expect(smtp.received.length).toBe(before);
      await until(() => smtp.received.length > before, 'the grouped mail');
      await router.stop();
      const got = smtp.received.slice(before);
      expect(got).toHaveLength(1);
      const m = got[0]!.mail;
      expect(m.subject).toBe('[Vigie] 50 changes, worst UNKNOWN');
      expect(got[0]!.envelopeTo).toEqual(['ops@example.com']);
      for (const name of names) {
        expect(m.text).toContain(`${name}:`);
        expect(m.html || '').toContain(`>${name}</td>`);
      }
      expect(m.text).toContain('OK esx-09: esx-09 is OK again');
      expect(m.text!.split('\n').filter((l) => / esx-\d\d: /.test(l))).toHaveLength(50);
      // Accepted by the server: nothing left in the outbox.
      expect(readdirSync(join(dir, 'outbox')).filter((f) => f.endsWith('.json'))).toEqual([]);
    });

    it('Test sends a sample mail and answers the SMTP outcome (accepted, or the refusal)', async () => {
      const before = smtp.received.length;
      const router = routerWith(mailChannel(120));
      expect(await router.test(mailChannel(120))).toEqual({ ok: true, message: 'Sent to ops@example.com' });
      expect(smtp.received.at(-1)!.mail.subject).toBe('[Vigie] INFO Vigie: Test notification from Vigie (channel ops-mail)');
      const refused = await router.test({ ...mailChannel(120), to: ['nobody@refused.example'] });
      expect(refused.ok).toBe(false);
      expect(refused.message).toMatch(/^recipient: .*550/);
      await router.stop();
      expect(smtp.received.length).toBe(before + 1);
    });

    it('a critical change alone is sent at once, not after the window', async () => {
      const before = smtp.received.length;
      const router = routerWith(mailChannel(3600));
      const sentAt = Date.now();
      router.send(stateChange('san-ctrl-a', 'critical'));
      await until(() => smtp.received.length > before, 'the critical mail');
      const elapsed = Date.now() - sentAt;
      await router.stop();
      expect(smtp.received.length).toBe(before + 1);
      expect(smtp.received.at(-1)!.mail.subject).toBe('[Vigie] CRITICAL san-ctrl-a: san-ctrl-a is CRITICAL: no answer');
      // Far below the hour-long window; the bound is loose for a busy machine.
      expect(elapsed).toBeLessThan(30_000);
    });
  },
);
