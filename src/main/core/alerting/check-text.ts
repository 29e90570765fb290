import type { AlertRule } from '../../../shared/contract/alerting';
import { formatMessage, isKnownCode } from '../../../shared/messages/format-message';
import { msg, type Message } from '../../../shared/messages/message';
import type { State } from '../../../shared/states';
import type { Unit } from '../../../shared/units';
import { formatForMessage } from './english-value';

/** A check's words: English `label`/`message` for the log, `labelText`/`text` codes for the reader. */
export interface CheckWords {
  label: string;
  labelText: Message;
  message: string;
  text: Message;
}

function english(m: Message): string {
  return formatMessage(m, 'en', 'en-US');
}

export function ruleLabel(rule: AlertRule, instance: string): { label: string; labelText: Message } {
  const label = instance ? `${rule.label} (${instance})` : rule.label;
  // A rule's label code ends in `{where}`: the same rule runs on metrics with and without an instance
  // (a NetApp's CPU is per node on a cluster, single on 7-Mode), so the suffix is empty when there is none.
  const labelText =
    rule.labelCode !== null && isKnownCode(rule.labelCode)
      ? msg(rule.labelCode, { instance, where: instance ? ` (${instance})` : '' })
      : instance
        ? msg('check.label-instance', { label: rule.label, instance })
        : msg('check.label', { label: rule.label });
  return { label, labelText };
}

/**
 * The detail never repeats the label: "97 % > 95 %", "on battery" (a flag rule, not "1 >= 1"), or the value
 * and how long a breach has held when it waits for its duration.
 */
export function ruleWords(
  rule: AlertRule,
  instance: string,
  state: State,
  value: number,
  unit: Unit,
  pendingFor: number | null,
): CheckWords {
  const { label, labelText } = ruleLabel(rule, instance);
  const v = { value, unit };
  if (rule.style === 'flag' && rule.flagCode !== null && isKnownCode(rule.flagCode)) {
    const text = state === 'ok' ? msg('check.flag-clear') : msg(rule.flagCode);
    return { label, labelText, message: english(text), text };
  }
  if (state !== 'ok') {
    const threshold = state === 'critical' && rule.critical !== null ? rule.critical : (rule.warning ?? rule.critical);
    if (threshold === null) return { label, labelText, message: formatForMessage(value, unit), text: msg('check.value', { value: v }) };
    return {
      label,
      labelText,
      message: `${formatForMessage(value, unit)} ${rule.op} ${formatForMessage(threshold, unit)}`,
      text: msg('check.threshold', { value: v, op: rule.op, threshold: { value: threshold, unit } }),
    };
  }
  if (pendingFor !== null) {
    const elapsed = Math.round(pendingFor / 1000);
    return {
      label,
      labelText,
      message: `${formatForMessage(value, unit)} (for ${elapsed} s of ${rule.forSeconds} s)`,
      text: msg('check.pending', { value: v, elapsed: { value: elapsed, unit: 'seconds' }, duration: { value: rule.forSeconds, unit: 'seconds' } }),
    };
  }
  return { label, labelText, message: formatForMessage(value, unit), text: msg('check.value', { value: v }) };
}
