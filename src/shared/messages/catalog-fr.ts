import type { MessageCode } from './catalog-en';

/** French texts of the message codes of `catalog-en.ts` (same codes, same placeholders). */
export const catalogFr: Record<MessageCode, string> = {
  'state.ok-again': '{device} est de nouveau OK',
  'state.changed': '{device} est {state} : {detail}',
  'check.reachability': 'Joignabilité',
  'check.answers': 'répond',
  'check.threshold': '{value} {op} {threshold}',
  'check.value': '{value}',
  'check.pending': '{value} (depuis {elapsed} sur {duration})',
  'system.network-lost': 'Vigie a perdu son réseau : {detail}',
  'system.network-back': 'Vigie a retrouvé son réseau après {duration}',
};
