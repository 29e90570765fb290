import { z } from 'zod';
import {
  AckRequestSchema,
  ActiveProblemSchema,
  AlertingSettingsSchema,
  AlertRuleSchema,
  ChannelConfigSchema,
  EffectiveRuleSchema,
  IncidentSchema,
  MaintenanceWindowSchema,
  ProblemRefSchema,
  RuleIdSchema,
  RuleOverrideSchema,
  RulePreviewRequestSchema,
  RulePreviewSchema,
  RulesQuerySchema,
  SilenceRequestSchema,
} from './alerting';

const Empty = z.strictObject({});
const Done = z.strictObject({ ok: z.boolean() });

/** The `alerts:*`, `maintenance:*` and `notifications:*` calls (shapes in `alerting.ts`). */
export const alertingCalls = {
  'alerts:rules': { request: RulesQuerySchema, response: z.array(EffectiveRuleSchema) },
  'alerts:save-rule': { request: z.strictObject({ rule: AlertRuleSchema }), response: AlertRuleSchema },
  'alerts:remove-rule': { request: z.strictObject({ id: RuleIdSchema }), response: Done },
  'alerts:save-override': { request: z.strictObject({ override: RuleOverrideSchema }), response: Done },
  'alerts:remove-override': {
    request: RuleOverrideSchema.pick({ ruleId: true, family: true, deviceId: true, instance: true }),
    response: Done,
  },
  'alerts:preview': { request: RulePreviewRequestSchema, response: RulePreviewSchema },
  'alerts:active': { request: Empty, response: z.array(ActiveProblemSchema) },
  'alerts:ack': { request: AckRequestSchema, response: Done },
  'alerts:unack': { request: ProblemRefSchema, response: Done },
  'alerts:silence': { request: SilenceRequestSchema, response: Done },
  'alerts:incidents': {
    request: z.strictObject({ open: z.boolean().default(true) }),
    response: z.array(IncidentSchema),
  },
  'alerts:settings': { request: Empty, response: AlertingSettingsSchema },
  'alerts:save-settings': { request: AlertingSettingsSchema, response: AlertingSettingsSchema },
  'maintenance:list': { request: Empty, response: z.array(MaintenanceWindowSchema) },
  'maintenance:save': { request: z.strictObject({ window: MaintenanceWindowSchema }), response: MaintenanceWindowSchema },
  'maintenance:remove': { request: z.strictObject({ id: z.string().min(1).max(64) }), response: Done },
  'notifications:channels': { request: Empty, response: z.array(ChannelConfigSchema) },
  'notifications:save': { request: z.strictObject({ channels: z.array(ChannelConfigSchema).max(20) }), response: z.array(ChannelConfigSchema) },
  'notifications:test': {
    request: z.strictObject({ channelId: z.string().min(1).max(64) }),
    response: z.strictObject({ ok: z.boolean(), message: z.string() }),
  },
} as const;
