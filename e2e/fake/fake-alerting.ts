import type { ParsedReq, Res } from '../../src/shared/contract/api';
import type { CallName } from '../../src/shared/contract/channels';
import type {
  Acknowledgement,
  ActiveProblem,
  AlertingSettings,
  AlertRule,
  ChannelConfig,
  EffectiveRule,
  Incident,
  MaintenanceWindow,
  RuleOverride,
  RulePreview,
} from '../../src/shared/contract/alerting';
import { VigieError } from '../../src/shared/contract/envelope';
import type { MetricsResult } from '../../src/shared/contract/metrics';
import { msg } from '../../src/shared/messages/message';
import { stateRank, type State } from '../../src/shared/states';
import type { FakeDevice } from './fake-devices';
import { defaultNotificationChannels } from '../../src/main/core/alerting/channels/defaults';

type A = Extract<CallName, `alerts:${string}` | `maintenance:${string}` | `notifications:${string}`>;
export type FakeAlertingHandlers = { [K in A]: (req: ParsedReq<K>) => Res<K> };

/** What the fake alerting reads from the fake core around it. */
export interface FakeAlertingContext {
  devices: () => FakeDevice[];
  /** The stored series over a range, at the 5-min tier (the preview's resolution). */
  query: (keys: string[], from: number, to: number) => MetricsResult;
  changed: (active: number) => void;
  now?: () => number;
}

const RULE = {
  label: '',
  labelCode: null,
  deviceId: null,
  instance: '*',
  warning: null,
  critical: null,
  recovery: null,
  forSeconds: 0,
  renotifyMinutes: 0,
  style: 'threshold',
  flagCode: null,
  enabled: true,
  origin: 'default',
} as const satisfies Partial<AlertRule>;

/** The family defaults: "This computer" as the real module declares them, a percent rule elsewhere. */
function defaultRules(family: string, device: FakeDevice | undefined): AlertRule[] {
  if (family === 'this-computer')
    return [
      { ...RULE, id: 'cpu', family, label: 'CPU', metric: 'cpu.total', op: '>', warning: 90, forSeconds: 600 },
      { ...RULE, id: 'memory', family, label: 'Memory available', metric: 'memory.available.percent', op: '<', warning: 10, critical: 5 },
      { ...RULE, id: 'filesystem', family, label: 'Filesystem used', metric: 'fs.used.percent', op: '>', warning: 85, critical: 95 },
      { ...RULE, id: 'load', family, label: 'Load (15 min) per CPU', metric: 'load.15.per.core', op: '>', warning: 2, forSeconds: 600 },
    ];
  const percent = [...new Set((device?.series ?? []).filter((s) => s.unit === 'percent').map((s) => s.metric))];
  return percent.slice(0, 3).map((metric) => ({
    ...RULE,
    id: metric.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'metric',
    family,
    label: metric,
    metric,
    op: '>=' as const,
    warning: 85,
    critical: 95,
  }));
}

const COMPARE: Record<AlertRule['op'], (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

function glob(pattern: string, text: string): boolean {
  if (pattern === '*') return true;
  const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return re.test(text);
}

/** The rule over one series: duration, hysteresis; a gap (null) is unknown data, the state holds. */
function evaluate(rule: AlertRule, t: number[], values: (number | null)[]): RulePreview['instances'][number] {
  const transitions: RulePreview['instances'][number]['transitions'] = [];
  let state: State = 'ok';
  let worst: State = 'ok';
  let firings = 0;
  let breachSince: number | null = null;
  let breachLevel: State = 'ok';
  const cmp = COMPARE[rule.op];
  for (let i = 0; i < t.length; i++) {
    const v = values[i];
    const at = t[i] ?? 0;
    if (v === null || v === undefined) continue;
    const level: State =
      rule.critical !== null && cmp(v, rule.critical) ? 'critical' : rule.warning !== null && cmp(v, rule.warning) ? 'warning' : 'ok';
    let next: State = state;
    if (level !== 'ok') {
      if (breachSince === null || level !== breachLevel) breachSince = breachSince ?? at;
      breachLevel = level;
      if (at - breachSince >= rule.forSeconds * 1000) next = level;
    } else {
      breachSince = null;
      breachLevel = 'ok';
      // Hysteresis: a breached check is OK again only once past the recovery value.
      const holds = state !== 'ok' && rule.recovery !== null && cmp(v, rule.recovery);
      if (!holds) next = 'ok';
    }
    if (next !== state) {
      if (state === 'ok') firings++;
      state = next;
      transitions.push({ at, state, value: v });
      if (stateRank(state) > stateRank(worst)) worst = state;
    }
  }
  return { instance: '', transitions, firings, worst };
}

function inWindow(w: MaintenanceWindow, now: number): boolean {
  if (w.schedule.type === 'once') return w.schedule.start <= now && now < w.schedule.end;
  const { days, start, durationMinutes } = w.schedule;
  const [hh = 0, mm = 0] = start.split(':').map(Number);
  // Today's and the previous days' starts: a window may run past midnight.
  for (let back = 0; back <= Math.ceil(durationMinutes / 1440); back++) {
    const d = new Date(now);
    d.setDate(d.getDate() - back);
    d.setHours(hh, mm, 0, 0);
    if (days.includes(d.getDay()) && d.getTime() <= now && now < d.getTime() + durationMinutes * 60_000) return true;
  }
  return false;
}

/**
 * The fake console's alerting, in memory and faithful to the contract: family defaults with family and
 * device overrides, custom rules, a preview evaluated on the fake's stored series, active problems from the
 * fake devices' checks with acknowledgements, silences and maintenance windows applied, one open incident.
 */
export function fakeAlerting(ctx?: FakeAlertingContext): FakeAlertingHandlers {
  const now = (): number => ctx?.now?.() ?? Date.now();
  const devices = (): FakeDevice[] => ctx?.devices() ?? [];
  const custom = new Map<string, AlertRule>();
  const overrides = new Map<string, RuleOverride>();
  const windows = new Map<string, MaintenanceWindow>();
  const acks = new Map<string, Acknowledgement>();
  const silences = new Map<string, number>();
  let channels: ChannelConfig[] = defaultNotificationChannels();
  let settings: AlertingSettings = { flapping: { windowMinutes: 60, maxChanges: 6 }, referenceTargets: [], guardEnabled: true };
  const key = (o: Pick<RuleOverride, 'ruleId' | 'family' | 'deviceId' | 'instance'>): string =>
    `${o.ruleId}|${o.family}|${o.deviceId ?? ''}|${o.instance ?? ''}`;
  const problemKey = (deviceId: string, checkId: string): string => `${deviceId}|${checkId}`;

  const apply = (rule: AlertRule, o: RuleOverride | undefined): AlertRule => {
    if (!o) return rule;
    const { enabled, warning, critical, recovery, forSeconds, renotifyMinutes } = o;
    return {
      ...rule,
      ...(enabled !== undefined && { enabled }),
      ...(warning !== undefined && { warning }),
      ...(critical !== undefined && { critical }),
      ...(recovery !== undefined && { recovery }),
      ...(forSeconds !== undefined && { forSeconds }),
      ...(renotifyMinutes !== undefined && { renotifyMinutes }),
    };
  };

  const effective = (family: string, deviceId: string | undefined): EffectiveRule[] => {
    const device = deviceId ? devices().find((d) => d.summary.id === deviceId) : devices().find((d) => d.summary.family === family);
    const out: EffectiveRule[] = defaultRules(family, device).map((defaults) => {
      const fam = overrides.get(key({ ruleId: defaults.id, family, deviceId: null, instance: null }));
      const dev = deviceId ? overrides.get(key({ ruleId: defaults.id, family, deviceId, instance: null })) : undefined;
      const disabledInstances = deviceId
        ? [...overrides.values()]
            .filter((o) => o.ruleId === defaults.id && o.deviceId === deviceId && o.instance !== null && o.enabled === false)
            .map((o) => o.instance ?? '')
        : [];
      return {
        rule: apply(apply(defaults, fam), dev),
        defaults,
        source: dev ? 'device' : fam ? 'family' : 'default',
        disabledInstances,
      };
    });
    for (const rule of custom.values())
      if ((rule.family === family || rule.family === '*') && (rule.deviceId === null || rule.deviceId === deviceId))
        out.push({ rule, defaults: null, source: 'custom', disabledInstances: [] });
    return out;
  };

  const maintenanceOf = (d: FakeDevice): string | null =>
    [...windows.values()].find(
      (w) => (w.deviceIds.includes(d.summary.id) || w.groups.includes(d.summary.group)) && inWindow(w, now()),
    )?.name ?? null;

  // One device flaps, so the badge has something to show: the first one warning.
  const active = (): ActiveProblem[] => {
    const flapping = devices().find((d) => d.summary.state === 'warning')?.summary.id;
    return devices().flatMap((d) =>
      d.checks
        .filter((c) => c.state !== 'ok')
        .map((c): ActiveProblem => {
          const k = problemKey(d.summary.id, c.id);
          const until = silences.get(k) ?? silences.get(problemKey(d.summary.id, '*')) ?? null;
          return {
            deviceId: d.summary.id,
            deviceName: d.summary.name,
            group: d.summary.group,
            checkId: c.id,
            label: c.labelText ?? (c.id === 'reachable' ? msg('check.reachability') : msg('text.plain', { text: c.label })),
            detail: c.text ?? msg('text.plain', { text: c.message }),
            state: c.state,
            since: c.since,
            flapping: d.summary.id === flapping,
            acknowledgement: acks.get(k) ?? null,
            silencedUntil: until !== null && until > now() ? until : null,
            maintenance: maintenanceOf(d),
            incidentId: incidentOf(d),
          };
        }),
    );
  };

  // The first unreachable device is a parent down: the next two failing devices are its children.
  const incident = (): Incident | null => {
    const failing = devices().filter((d) => d.summary.state !== 'ok');
    const root = failing.find((d) => d.summary.state === 'unknown');
    if (!root) return null;
    const children = failing.filter((d) => d !== root).slice(0, 2);
    return {
      id: `inc-${root.summary.id}`,
      rootDeviceId: root.summary.id,
      rootName: root.summary.name,
      state: root.summary.state,
      openedAt: now() - 3_600_000,
      closedAt: null,
      affected: children.map((c) => ({ deviceId: c.summary.id, name: c.summary.name, state: c.summary.state })),
    };
  };
  const incidentOf = (d: FakeDevice): string | null => {
    const i = incident();
    return i && (i.rootDeviceId === d.summary.id || i.affected.some((a) => a.deviceId === d.summary.id)) ? i.id : null;
  };

  const changed = (): void => ctx?.changed(active().length);
  const refs = (deviceId: string, checkId: string | null): string[] => {
    const d = devices().find((x) => x.summary.id === deviceId);
    if (!d) throw new VigieError('not_found', `No device ${deviceId}`);
    const ids = d.checks.filter((c) => c.state !== 'ok' && (checkId === null || c.id === checkId)).map((c) => c.id);
    if (ids.length === 0) throw new VigieError('not_found', `No problem ${deviceId} ${checkId ?? ''}`);
    return ids.map((c) => problemKey(deviceId, c));
  };

  return {
    'alerts:rules': ({ family, deviceId }) => {
      const fam = family ?? devices().find((d) => d.summary.id === deviceId)?.summary.family;
      if (!fam) throw new VigieError('invalid_request', 'family or deviceId');
      return effective(fam, deviceId);
    },
    'alerts:save-rule': ({ rule }) => {
      const saved = { ...rule, origin: 'custom' as const };
      custom.set(rule.id, saved);
      changed();
      return saved;
    },
    'alerts:remove-rule': ({ id }) => ({ ok: custom.delete(id) }),
    'alerts:save-override': ({ override }) => {
      const c = custom.get(override.ruleId);
      if (c) {
        custom.set(c.id, apply(c, override));
        return { ok: true };
      }
      overrides.set(key(override), override);
      changed();
      return { ok: true };
    },
    'alerts:remove-override': (o) => {
      const ok = overrides.delete(key({ ...o, deviceId: o.deviceId ?? null, instance: o.instance ?? null }));
      if (ok) changed();
      return { ok };
    },
    'alerts:preview': ({ deviceId, rule, hours }) => {
      const d = devices().find((x) => x.summary.id === deviceId);
      if (!d) throw new VigieError('not_found', `No device ${deviceId}`);
      const to = now();
      const from = to - hours * 3_600_000;
      const series = d.series.filter((s) => s.metric === rule.metric && glob(rule.instance || '', s.instance));
      const result = ctx?.query(series.map((s) => s.key), from, to);
      return {
        from,
        to,
        stepSeconds: Math.round((result?.stepMs ?? 300_000) / 1000),
        instances: series.map((s, i) => {
          const data = result?.series[i];
          return { ...evaluate(rule, data?.t ?? [], data?.avg ?? []), instance: s.instance };
        }),
      };
    },
    'alerts:active': () => active(),
    'alerts:ack': ({ deviceId, checkId, comment, mode }) => {
      for (const k of refs(deviceId, checkId)) {
        const state = active().find((p) => problemKey(p.deviceId, p.checkId) === k)?.state ?? 'warning';
        acks.set(k, { by: 'admin', at: now(), comment, mode, state });
      }
      changed();
      return { ok: true };
    },
    'alerts:unack': ({ deviceId, checkId }) => {
      let ok = false;
      for (const k of refs(deviceId, checkId)) ok = acks.delete(k) || ok;
      changed();
      return { ok };
    },
    'alerts:silence': ({ deviceId, checkId, minutes }) => {
      for (const k of refs(deviceId, checkId)) silences.set(k, now() + minutes * 60_000);
      changed();
      return { ok: true };
    },
    'alerts:incidents': ({ open }) => {
      const i = incident();
      return i && (open ? i.closedAt === null : true) ? [i] : [];
    },
    'alerts:settings': () => settings,
    'alerts:save-settings': (s) => (settings = s),
    'maintenance:list': () => [...windows.values()],
    'maintenance:save': ({ window }) => {
      windows.set(window.id, window);
      changed();
      return window;
    },
    'maintenance:remove': ({ id }) => {
      const ok = windows.delete(id);
      if (ok) changed();
      return { ok };
    },
    'notifications:channels': () => channels,
    'notifications:save': (req) => (channels = req.channels),
    'notifications:test': ({ channelId }) => {
      if (!channels.some((c) => c.id === channelId)) throw new VigieError('not_found', `No channel ${channelId}`);
      return { ok: true, message: 'sent' };
    },
  };
}
