/**
 * English texts of message codes. `{name}` is replaced by the formatted parameter. Add a code here and in
 * `catalog-fr.ts` together (a unit test checks that both list the same codes and the same placeholders).
 * Codes are grouped by prefix: `state.*` device state changes, `check.*` check labels and details,
 * `alert.*` alerting (incidents, flapping, acknowledgement, maintenance), `system.*` the console itself,
 * `audit.*` configuration changes, `poll.*` poll failures.
 */
export const catalogEn = {
  'state.ok-again': '{device} is OK again',
  'state.changed': '{device} is {state}: {detail}',
  'check.reachability': 'Reachability',
  'check.answers': 'answers',
  'check.threshold': '{value} {op} {threshold}',
  'check.value': '{value}',
  'check.pending': '{value} (for {elapsed} of {duration})',
  'system.network-lost': 'Vigie lost its network: {detail}',
  'system.network-back': 'Vigie has its network back after {duration}',
} as const satisfies Record<string, string>;

export type MessageCode = keyof typeof catalogEn;
