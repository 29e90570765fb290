import { describe, expect, it } from 'vitest';
import type { ChannelConfig } from '../../../shared/contract/alerting';
import type { EventPayload } from '../../../shared/contract/api';
import type { EventName } from '../../../shared/contract/channels';
import type { Notification } from '../../../shared/contract/events';
import type { OutgoingMail } from '../mail/mailer';
import { change, recordingLog } from './channels/test-changes';
import { channelAccepts, createNotificationRouter } from './notification-router';

const ALL = ['critical', 'warning', 'unknown', 'ok'] as const;

function setup(channels: ChannelConfig[], mode: 'web' | 'desktop' = 'web') {
  const shown: Notification[] = [];
  const emitted: { event: EventName; payload: unknown }[] = [];
  const mails: OutgoingMail[] = [];
  const router = createNotificationRouter({
    channels: () => channels,
    mode,
    notifier: { notify: (n) => shown.push(n) },
    sink: { emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void emitted.push({ event, payload }) },
    mail: {
      outbox: {
        submit: (m) => {
          mails.push(m);
          return Promise.resolve({ sent: true, id: 'x', info: { messageId: 'm', accepted: m.to, rejected: [] } });
        },
      },
      mailer: { send: () => Promise.reject(new Error('not used')) },
    },
    clock: { now: () => 0 },
    log: recordingLog(),
  });
  return { router, shown, emitted, mails };
}

describe('channel filters', () => {
  const browser: ChannelConfig = { id: 'b', type: 'browser', enabled: true, severities: ['critical'], groups: ['storage'] };

  it('accepts only its severities and groups, and nothing when disabled', () => {
    expect(channelAccepts(browser, change({ severity: 'critical', group: 'storage' }))).toBe(true);
    expect(channelAccepts(browser, change({ severity: 'warning', group: 'storage' }))).toBe(false);
    expect(channelAccepts(browser, change({ severity: 'critical', group: 'vmware' }))).toBe(false);
    expect(channelAccepts({ ...browser, enabled: false }, change({ severity: 'critical', group: 'storage' }))).toBe(false);
    expect(channelAccepts({ ...browser, groups: [] }, change({ severity: 'critical', group: 'anything' }))).toBe(true);
  });

  it('routes each change to the channels that accept it', async () => {
    const channels: ChannelConfig[] = [
      { id: 'crit-only', type: 'browser', enabled: true, severities: ['critical'], groups: [] },
      { id: 'storage', type: 'mail', enabled: true, to: ['ops@example.com'], severities: [...ALL], groups: ['storage'], groupSeconds: 0, language: 'en' },
      { id: 'off', type: 'mail', enabled: false, to: ['off@example.com'], severities: [...ALL], groups: [], groupSeconds: 0, language: 'en' },
    ];
    const { router, emitted, mails } = setup(channels);
    router.send(change({ deviceName: 'esx-01', severity: 'warning', group: 'vmware' }));
    router.send(change({ deviceName: 'esx-02', severity: 'critical', group: 'vmware' }));
    router.send(change({ deviceName: 'netapp-1', severity: 'warning', group: 'storage' }));
    await router.stop();
    expect(emitted.map((e) => (e.payload as Notification).title)).toEqual(['CRITICAL esx-02']);
    expect(emitted[0]?.event).toBe('notify:show');
    expect((emitted[0]?.payload as Notification).deviceId).toBe('esx-02');
    expect(mails.map((m) => [m.to, m.subject])).toEqual([[['ops@example.com'], '[Vigie] WARNING netapp-1: netapp-1 is WARNING: CPU 92 %']]);
  });

  it('shows desktop notifications only in the desktop app, browser ones only under serve', async () => {
    const channels: ChannelConfig[] = [
      { id: 'browser', type: 'browser', enabled: true, severities: [...ALL], groups: [] },
      { id: 'desktop', type: 'desktop', enabled: true, severities: [...ALL], groups: [] },
    ];
    const web = setup(channels, 'web');
    web.router.send(change({ severity: 'critical' }));
    expect([web.emitted.length, web.shown.length]).toEqual([1, 0]);
    const desktop = setup(channels, 'desktop');
    desktop.router.send(change({ severity: 'critical' }));
    expect([desktop.emitted.length, desktop.shown.length]).toEqual([0, 1]);
    expect(desktop.shown[0]).toMatchObject({ title: 'CRITICAL esx-01', severity: 'critical', deviceId: 'esx-01' });
    await Promise.all([web.router.stop(), desktop.router.stop()]);
  });

  it('a removed mail channel sends what it was holding', async () => {
    let channels: ChannelConfig[] = [
      { id: 'm', type: 'mail', enabled: true, to: ['a@example.com'], severities: [...ALL], groups: [], groupSeconds: 600, language: 'en' },
    ];
    const s = setup([]);
    const router = createNotificationRouter({
      channels: () => channels,
      mode: 'web',
      notifier: { notify: () => undefined },
      sink: { emit: () => undefined },
      mail: { outbox: { submit: (m) => (s.mails.push(m), Promise.resolve({ sent: true, id: 'x', info: { messageId: 'm', accepted: m.to, rejected: [] } })) }, mailer: { send: () => Promise.reject(new Error('unused')) } },
      clock: { now: () => 0 },
      log: recordingLog(),
    });
    router.send(change({ severity: 'warning' }));
    expect(s.mails).toHaveLength(0);
    channels = [];
    router.send(change({ severity: 'warning' }));
    await router.stop();
    expect(s.mails).toHaveLength(1);
  });
});
