import type { Severity } from '../../../shared/contract/events';
import type { State } from '../../../shared/states';

/** Mantine palette names per state; tiles use the matching CSS variables (--mantine-color-<name>-6). */
export const STATE_COLOR: Record<State, string> = {
  ok: 'green',
  warning: 'orange',
  critical: 'red',
  unknown: 'gray',
};

export const SEVERITY_COLOR: Record<Severity, string> = { ...STATE_COLOR, info: 'blue' };

export function isState(value: unknown): value is State {
  return value === 'ok' || value === 'warning' || value === 'critical' || value === 'unknown';
}
