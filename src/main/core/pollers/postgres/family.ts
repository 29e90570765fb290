import { postgresDescriptor } from '../../../../shared/families/postgres';
import type { FamilyModule } from '../source';

/** Default rules; a server that does not answer or refuses the login is critical (kind definition). */
export const postgresFamily: FamilyModule = {
  descriptor: postgresDescriptor,
  rules: [
    { id: 'response', label: 'Response time', labelCode: 'rule.response', metric: 'pg.response.ms', op: '>', warning: 1000 },
    { id: 'connections', label: 'Connections used', labelCode: 'rule.connections', metric: 'pg.connections.percent', op: '>', warning: 80, critical: 95 },
    { id: 'replication-lag', label: 'Replication lag', labelCode: 'rule.replication-lag', metric: 'pg.replication.lag.seconds', op: '>', warning: 60, critical: 300 },
  ],
};
