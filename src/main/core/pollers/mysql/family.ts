import { mysqlDescriptor } from '../../../../shared/families/mysql';
import type { FamilyModule } from '../source';

/**
 * Default rules; a server that does not answer or refuses the login is critical (kind definition). The
 * thread flags are 1/0 per replication source: a stopped IO or SQL thread is critical at once.
 */
export const mysqlFamily: FamilyModule = {
  descriptor: mysqlDescriptor,
  rules: [
    { id: 'response', label: 'Response time', labelCode: 'rule.response', metric: 'mysql.response.time', op: '>', warning: 1000 },
    { id: 'connections', label: 'Connections used', labelCode: 'rule.connections', metric: 'mysql.connections.used', op: '>', warning: 80, critical: 95 },
    { id: 'replication-lag', label: 'Replication lag', labelCode: 'rule.replication-lag', metric: 'mysql.replication.lag', instance: '*', op: '>', warning: 60, critical: 300 },
    { id: 'replica-io', label: 'Replica IO thread running', labelCode: 'rule.replica-io', metric: 'mysql.replication.io_running', instance: '*', op: '<', critical: 1 },
    { id: 'replica-sql', label: 'Replica SQL thread running', labelCode: 'rule.replica-sql', metric: 'mysql.replication.sql_running', instance: '*', op: '<', critical: 1 },
  ],
};
