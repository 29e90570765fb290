import { z } from 'zod';
import { AlertingSettingsSchema, AlertRuleSchema, MaintenanceWindowSchema, RuleOverrideSchema } from '../../../shared/contract/alerting';

/**
 * The settings key `alerting`: an administrator's rules, overrides of the defaults, noise-control settings
 * and maintenance windows. Every field defaults, so documents written before alerting read as "defaults only".
 */
export const AlertingConfigSchema = z.object({
  rules: z.array(AlertRuleSchema).max(500).default([]),
  overrides: z.array(RuleOverrideSchema).max(5000).default([]),
  settings: AlertingSettingsSchema.prefault({}),
  maintenance: z.array(MaintenanceWindowSchema).max(500).default([]),
});
export type AlertingConfig = z.infer<typeof AlertingConfigSchema>;

export function defaultAlertingConfig(): AlertingConfig {
  return AlertingConfigSchema.parse({});
}
