import { z } from 'zod';
import { MessageSchema } from '../messages/message';
import { DeviceIdSchema, StateSchema, Timestamp } from './common';
import { SeveritySchema } from './events';

/**
 * Alerting (issue 14): rules an administrator edits, their effective form per device, active problems,
 * acknowledgements, silences, maintenance windows, incidents and notification channels. The engine lives in
 * `src/main/core/alerting/`; these are the shapes that cross the bridge and the settings file.
 */

export const ComparisonSchema = z.enum(['>', '>=', '<', '<=', '==', '!=']);
export type Comparison = z.infer<typeof ComparisonSchema>;

/** A rule's stable id: a family default's own id ('cpu-high') or 'custom-…' for an administrator's rule. */
export const RuleIdSchema = z.string().min(1).max(80).regex(/^[a-z0-9][a-z0-9._-]*$/);

/**
 * threshold: "value op warning/critical", shown with the value and the threshold;
 * flag: a yes/no condition (on battery, door open), worded by `flagCode` instead of "1 >= 1".
 */
export const RuleStyleSchema = z.enum(['threshold', 'flag']);

export const AlertRuleSchema = z.strictObject({
  id: RuleIdSchema,
  /** Family the rule applies to ('*': every family having the metric). */
  family: z.string().min(1).max(40),
  /** A custom rule for one device only; null for a family-wide rule. */
  deviceId: DeviceIdSchema.nullable().default(null),
  /** Label shown for the check (English); `labelCode`, when set, is formatted in the reader's language. */
  label: z.string().min(1).max(120),
  labelCode: z.string().max(80).nullable().default(null),
  metric: z.string().min(1).max(120),
  /** Glob on the instance ('*' every instance, 'eth*', '/var'); '' the metric without instance. */
  instance: z.string().max(200).default('*'),
  op: ComparisonSchema,
  warning: z.number().nullable().default(null),
  critical: z.number().nullable().default(null),
  /** Hysteresis: once breached, the check is OK again only past this value (null: the breached threshold). */
  recovery: z.number().nullable().default(null),
  /** The breach must hold this long before the check changes state ("for 5 min"). */
  forSeconds: z.number().int().min(0).max(86_400).default(0),
  /** Notify again while the problem lasts (minutes; 0: never). */
  renotifyMinutes: z.number().int().min(0).max(10_080).default(0),
  style: RuleStyleSchema.default('threshold'),
  /** For style 'flag': the code wording the condition when it holds ("on battery"). */
  flagCode: z.string().max(80).nullable().default(null),
  enabled: z.boolean().default(true),
  origin: z.enum(['default', 'custom']).default('custom'),
});
export type AlertRule = z.infer<typeof AlertRuleSchema>;
export type AlertRuleInput = z.input<typeof AlertRuleSchema>;

/**
 * A change to a default (or custom) rule, family-wide (deviceId null) or for one device; `instance` set:
 * for that instance only (e.g. turn one disk's rule off). Unset fields keep the rule's value.
 */
export const RuleOverrideSchema = z.strictObject({
  ruleId: RuleIdSchema,
  family: z.string().min(1).max(40),
  deviceId: DeviceIdSchema.nullable().default(null),
  instance: z.string().max(200).nullable().default(null),
  enabled: z.boolean().optional(),
  warning: z.number().nullable().optional(),
  critical: z.number().nullable().optional(),
  recovery: z.number().nullable().optional(),
  forSeconds: z.number().int().min(0).max(86_400).optional(),
  renotifyMinutes: z.number().int().min(0).max(10_080).optional(),
});
export type RuleOverride = z.infer<typeof RuleOverrideSchema>;

/** A rule as it applies to a family or a device, with where each value came from. */
export const EffectiveRuleSchema = z.strictObject({
  rule: AlertRuleSchema,
  /** The family default before any override (null for a custom rule). */
  defaults: AlertRuleSchema.nullable(),
  /** 'default' untouched; 'family' changed for the family; 'device' changed for this device. */
  source: z.enum(['default', 'family', 'device', 'custom']),
  /** Instances turned off for this device. */
  disabledInstances: z.array(z.string()).default([]),
});
export type EffectiveRule = z.infer<typeof EffectiveRuleSchema>;

export const RulesQuerySchema = z.strictObject({
  family: z.string().min(1).max(40).optional(),
  deviceId: DeviceIdSchema.optional(),
});

/** When the rule would have fired over the stored data: one line per instance, its state changes. */
export const RulePreviewRequestSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  rule: AlertRuleSchema,
  hours: z.number().int().min(1).max(168).default(24),
});
export const RulePreviewSchema = z.strictObject({
  from: Timestamp,
  to: Timestamp,
  /** Resolution of the stored data the preview used (seconds). */
  stepSeconds: z.number().int().positive(),
  instances: z.array(
    z.strictObject({
      instance: z.string(),
      transitions: z.array(z.strictObject({ at: Timestamp, state: StateSchema, value: z.number().nullable() })),
      /** How many times the check would have left OK (notifications it would have sent). */
      firings: z.number().int().nonnegative(),
      worst: StateSchema,
    }),
  ),
});
export type RulePreview = z.infer<typeof RulePreviewSchema>;

export const AckModeSchema = z.enum(['until-recovery', 'until-worse']);

export const AcknowledgementSchema = z.strictObject({
  by: z.string().max(120),
  at: Timestamp,
  comment: z.string().max(1000),
  mode: AckModeSchema,
  /** The state acknowledged (until-worse ends when the check gets worse than this). */
  state: StateSchema,
});
export type Acknowledgement = z.infer<typeof AcknowledgementSchema>;

/** One check not OK on one device, as the Alerts page lists it (one query for all devices). */
export const ActiveProblemSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  deviceName: z.string(),
  group: z.string(),
  checkId: z.string(),
  label: MessageSchema,
  detail: MessageSchema,
  state: StateSchema,
  since: Timestamp,
  flapping: z.boolean(),
  acknowledgement: AcknowledgementSchema.nullable(),
  silencedUntil: Timestamp.nullable(),
  /** Name of the maintenance window in force for the device, if any. */
  maintenance: z.string().nullable(),
  /** The incident this problem belongs to (its root's failure), if any. */
  incidentId: z.string().nullable(),
});
export type ActiveProblem = z.infer<typeof ActiveProblemSchema>;

export const ProblemRefSchema = z.strictObject({
  deviceId: DeviceIdSchema,
  /** null: every check of the device. */
  checkId: z.string().max(300).nullable().default(null),
});

export const AckRequestSchema = ProblemRefSchema.extend({
  comment: z.string().trim().min(1, 'required').max(1000),
  mode: AckModeSchema.default('until-recovery'),
});
export const SilenceRequestSchema = ProblemRefSchema.extend({
  minutes: z.number().int().min(1).max(10_080),
});

/** A parent down takes its children's failures into one incident. */
export const IncidentSchema = z.strictObject({
  id: z.string(),
  rootDeviceId: DeviceIdSchema,
  rootName: z.string(),
  state: StateSchema,
  openedAt: Timestamp,
  closedAt: Timestamp.nullable(),
  affected: z.array(z.strictObject({ deviceId: DeviceIdSchema, name: z.string(), state: StateSchema })),
});
export type Incident = z.infer<typeof IncidentSchema>;

const HHMM = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** No notifications during the window; states still shown and recorded. */
export const MaintenanceWindowSchema = z.strictObject({
  id: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/),
  name: z.string().trim().min(1).max(120),
  deviceIds: z.array(DeviceIdSchema).max(5000).default([]),
  /** Device groups (dashboard groups: 'vmware', 'storage', …). */
  groups: z.array(z.string().min(1).max(40)).max(50).default([]),
  schedule: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('once'), start: Timestamp, end: Timestamp }),
    z.strictObject({
      type: z.literal('weekly'),
      /** 0 = Sunday … 6 = Saturday, in the console's local time zone. */
      days: z.array(z.number().int().min(0).max(6)).min(1),
      start: HHMM,
      durationMinutes: z.number().int().min(1).max(10_080),
    }),
  ]),
  comment: z.string().max(1000).default(''),
});
export type MaintenanceWindow = z.infer<typeof MaintenanceWindowSchema>;

const SeverityFilter = z.array(SeveritySchema).default(['critical', 'warning', 'unknown', 'ok']);
const GroupFilter = z.array(z.string().min(1).max(40)).default([]);

/** Where notifications go; each channel filters by severity and device group ([] = every group). */
export const ChannelConfigSchema = z.discriminatedUnion('type', [
  z.strictObject({
    id: z.string().min(1).max(64),
    type: z.literal('mail'),
    enabled: z.boolean().default(true),
    to: z.array(z.string().email()).min(1).max(50),
    severities: SeverityFilter,
    groups: GroupFilter,
    /** Changes within this window go out as one mail; critical ones are sent at once. */
    groupSeconds: z.number().int().min(0).max(3600).default(120),
    language: z.enum(['en', 'fr']).default('en'),
  }),
  z.strictObject({
    id: z.string().min(1).max(64),
    type: z.literal('webhook'),
    enabled: z.boolean().default(true),
    url: z.string().url().max(2000),
    severities: SeverityFilter,
    groups: GroupFilter,
    language: z.enum(['en', 'fr']).default('en'),
  }),
  z.strictObject({
    id: z.string().min(1).max(64),
    type: z.literal('desktop'),
    enabled: z.boolean().default(true),
    severities: SeverityFilter,
    groups: GroupFilter,
  }),
  z.strictObject({
    id: z.string().min(1).max(64),
    type: z.literal('browser'),
    enabled: z.boolean().default(true),
    severities: SeverityFilter,
    groups: GroupFilter,
  }),
]);
export type ChannelConfig = z.infer<typeof ChannelConfigSchema>;

export const AlertingSettingsSchema = z.strictObject({
  /** More state changes than this within the window: the check is flapping (one notification). */
  flapping: z
    .strictObject({ windowMinutes: z.number().int().min(5).max(1440).default(60), maxChanges: z.number().int().min(3).max(100).default(6) })
    .default({ windowMinutes: 60, maxChanges: 6 }),
  /** Own-reachability guard: extra addresses Vigie checks besides its gateway and DNS servers. */
  referenceTargets: z.array(z.string().min(1).max(253)).max(10).default([]),
  guardEnabled: z.boolean().default(true),
});
export type AlertingSettings = z.infer<typeof AlertingSettingsSchema>;

/** What a channel receives: one or more state changes, already filtered; formatted by the channel. */
export const AlertChangeSchema = z.strictObject({
  at: Timestamp,
  deviceId: DeviceIdSchema,
  deviceName: z.string(),
  group: z.string(),
  checkId: z.string().nullable(),
  severity: SeveritySchema,
  previous: StateSchema.nullable(),
  state: StateSchema,
  /** What happened, e.g. state.changed / state.ok-again / alert.flapping / alert.incident-opened. */
  text: MessageSchema,
  /** For an incident: the devices it affects (names). */
  affected: z.array(z.string()).default([]),
  kind: z.enum(['problem', 'recovery', 'renotify', 'flapping', 'incident', 'incident-closed', 'system']),
});
export type AlertChange = z.infer<typeof AlertChangeSchema>;
