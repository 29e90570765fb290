import { ldapDescriptor } from '../../../../shared/families/ldap';
import type { FamilyModule } from '../source';

/** Default rules; a directory that does not answer or refuses the bind is critical (kind definition). */
export const ldapFamily: FamilyModule = {
  descriptor: ldapDescriptor,
  rules: [
    { id: 'response', label: 'Response time (bind + base search)', labelCode: 'rule.ldap-response', metric: 'ldap.response.time', op: '>', warning: 1000 },
    { id: 'threads-pending', label: 'Operations waiting for a thread', labelCode: 'rule.ldap-threads-pending', metric: 'ldap.threads.pending', op: '>', warning: 10, forSeconds: 300 },
  ],
};
