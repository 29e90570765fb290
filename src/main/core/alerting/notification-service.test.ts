import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../../shared/contract/alerting';
import { VigieError } from '../../../shared/contract/envelope';
import type { AuditEntry } from '../audit/audit-trail';
import { defaultSettings, parseSettingsDocument, SETTINGS_VERSION, type Settings } from '../settings/schema';
import type { SettingsStore } from '../settings/settings-store';
import { createNotificationService } from './notification-service';

function store(): SettingsStore {
  let current = defaultSettings();
  return {
    notices: [],
    get: () => current,
    update(change: (s: Settings) => Settings) {
      const parsed = parseSettingsDocument(change(structuredClone(current)));
      if (!parsed.ok) throw new Error(parsed.reason);
      current = parsed.settings;
      return current;
    },
  };
}

const mail: ChannelConfig = {
  id: 'ops',
  type: 'mail',
  enabled: true,
  to: ['ops@example.com'],
  severities: ['critical'],
  groups: ['storage'],
  groupSeconds: 60,
  language: 'fr',
};
const hook: ChannelConfig = {
  id: 'chat',
  type: 'webhook',
  enabled: true,
  url: 'https://hooks.slack.com/services/T0/B0/s3cret?x=1',
  severities: ['critical', 'ok'],
  groups: [],
  language: 'en',
};

describe('notification service', () => {
  it('a data folder without channels (older settings) reads as browser + desktop for every state', () => {
    const parsed = parseSettingsDocument({ version: SETTINGS_VERSION, devices: [] });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.settings.notificationChannels.map((c) => [c.id, c.type, c.enabled, c.severities])).toEqual([
      ['browser', 'browser', true, ['critical', 'warning', 'unknown', 'ok']],
      ['desktop', 'desktop', true, ['critical', 'warning', 'unknown', 'ok']],
    ]);
  });

  it('saves channels in the settings with one audit event that never shows a webhook secret', () => {
    const audits: AuditEntry[] = [];
    const settings = store();
    const service = createNotificationService({ settings, router: { test: () => Promise.resolve({ ok: true, message: '' }) }, audit: (e) => (audits.push(e), null as never) });
    const saved = service.save([...service.channels(), mail, hook]);
    expect(saved.map((c) => c.id)).toEqual(['browser', 'desktop', 'ops', 'chat']);
    expect(settings.get().notificationChannels).toEqual(saved);
    expect(audits.map((a) => a.what)).toEqual(['Notification channels saved: added mail "ops" to ops@example.com; webhook "chat" to hooks.slack.com']);
    service.save(saved.filter((c) => c.id !== 'desktop').map((c) => (c.id === 'ops' ? { ...c, enabled: false } : c)));
    expect(audits[1]?.what).toBe('Notification channels saved: changed mail "ops" to ops@example.com (disabled) · removed desktop "desktop"');
    expect(JSON.stringify(audits)).not.toContain('s3cret');
  });

  it('refuses a non-http webhook and duplicate names; Test of an unknown channel is not_found', async () => {
    const service = createNotificationService({ settings: store(), router: { test: () => Promise.resolve({ ok: true, message: 'sent' }) }, audit: () => null as never });
    expect(() => service.save([{ ...hook, url: 'file:///etc/passwd' }])).toThrow(/file: URLs are refused/);
    expect(() => service.save([mail, { ...hook, id: 'ops' }])).toThrow(/Two channels are named "ops"/);
    await expect(service.test('nope')).rejects.toBeInstanceOf(VigieError);
    service.save([hook]);
    await expect(service.test('chat')).resolves.toEqual({ ok: true, message: 'sent' });
  });
});
