import type { Comparison } from '../../../shared/contract/alerting';

export type { Comparison } from '../../../shared/contract/alerting';

/**
 * A default alert rule as a family module declares it: compare a metric (every instance, or one) with
 * warning and critical thresholds, optionally only after it has held for `forSeconds`. The engine turns each
 * into an `AlertRule` (origin 'default', the family's id) that an administrator can override.
 */
export interface Rule {
  id: string;
  label: string;
  metric: string;
  /** '*' or omitted: each instance is its own check. */
  instance?: string;
  op: Comparison;
  warning?: number;
  critical?: number;
  forSeconds?: number;
  /** Hysteresis: once breached, OK again only past this value. */
  recovery?: number;
  renotifyMinutes?: number;
  /**
   * A yes/no condition (on battery, door open): the check says this message code instead of "1 >= 1".
   * Boolean-like rules (e.g. "process not running") use critical: 1 with op '<' and a flag code.
   */
  flagCode?: string;
  /** Message code of the label, formatted in the reader's language. */
  labelCode?: string;
}

const COMPARE: Record<Comparison, (a: number, b: number) => boolean> = {
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

export function compare(op: Comparison, a: number, b: number): boolean {
  return COMPARE[op](a, b);
}
