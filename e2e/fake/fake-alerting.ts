import type { ParsedReq, Res } from '../../src/shared/contract/api';
import type { CallName } from '../../src/shared/contract/channels';
import type { AlertingSettings, AlertRule, ChannelConfig, MaintenanceWindow } from '../../src/shared/contract/alerting';
import { VigieError } from '../../src/shared/contract/envelope';

type A = Extract<CallName, `alerts:${string}` | `maintenance:${string}` | `notifications:${string}`>;
export type FakeAlertingHandlers = { [K in A]: (req: ParsedReq<K>) => Res<K> };

/** The fake console's alerting: rules, windows and channels kept in memory, no problem active. */
export function fakeAlerting(): FakeAlertingHandlers {
  const custom = new Map<string, AlertRule>();
  const windows = new Map<string, MaintenanceWindow>();
  let channels: ChannelConfig[] = [];
  let settings: AlertingSettings = { flapping: { windowMinutes: 60, maxChanges: 6 }, referenceTargets: [], guardEnabled: true };
  return {
    'alerts:rules': () => [...custom.values()].map((rule) => ({ rule, defaults: null, source: 'custom' as const, disabledInstances: [] })),
    'alerts:save-rule': ({ rule }) => (custom.set(rule.id, rule), rule),
    'alerts:remove-rule': ({ id }) => ({ ok: custom.delete(id) }),
    'alerts:save-override': () => ({ ok: true }),
    'alerts:remove-override': () => ({ ok: false }),
    'alerts:preview': ({ hours }) => ({ from: Date.now() - hours * 3_600_000, to: Date.now(), stepSeconds: 300, instances: [] }),
    'alerts:active': () => [],
    'alerts:ack': () => ({ ok: false }),
    'alerts:unack': () => ({ ok: false }),
    'alerts:silence': () => ({ ok: false }),
    'alerts:incidents': () => [],
    'alerts:settings': () => settings,
    'alerts:save-settings': (s) => (settings = s),
    'maintenance:list': () => [...windows.values()],
    'maintenance:save': ({ window }) => (windows.set(window.id, window), window),
    'maintenance:remove': ({ id }) => ({ ok: windows.delete(id) }),
    'notifications:channels': () => channels,
    'notifications:save': (req) => (channels = req.channels),
    'notifications:test': ({ channelId }) => {
      if (!channels.some((c) => c.id === channelId)) throw new VigieError('not_found', `No channel ${channelId}`);
      return { ok: true, message: 'sent' };
    },
  };
}
