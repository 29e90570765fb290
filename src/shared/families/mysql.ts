import { label, type FamilyDescriptor } from './descriptor';

/** A MySQL or MariaDB server (kind 'mysql'): threads, rates, InnoDB buffer pool, replication. */
export const mysqlDescriptor: FamilyDescriptor = {
  id: 'mysql',
  group: 'services',
  name: label('MySQL / MariaDB', 'MySQL / MariaDB'),
  kind: 'mysql',
  tile: { source: 'metric', metric: 'mysql.connections.used', label: label('Connections', 'Connexions'), unit: 'percent' },
  sections: [
    {
      kind: 'identity',
      title: label('Server', 'Serveur'),
      fields: [
        { key: 'product', label: label('Product', 'Produit') },
        { key: 'version', label: label('Version', 'Version') },
        { key: 'build', label: label('Build', 'Compilation') },
        { key: 'readOnly', label: label('Read only', 'Lecture seule') },
        { key: 'replication', label: label('Replication', 'Réplication') },
        { key: 'maxConnections', label: label('Max connections', 'Connexions max'), format: 'number', unit: 'count' },
        { key: 'maxUsedConnections', label: label('Most connections used', 'Connexions max utilisées'), format: 'number', unit: 'count' },
        { key: 'bufferPoolBytes', label: label('InnoDB buffer pool', 'Tampon InnoDB'), format: 'number', unit: 'bytes' },
        { key: 'longQueryTime', label: label('Slow query threshold', 'Seuil des requêtes lentes'), format: 'number', unit: 'seconds' },
      ],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'mysql.response.time', label: label('Response (connect + SELECT 1)', 'Réponse (connexion + SELECT 1)'), unit: 'milliseconds' },
        { metric: 'mysql.threads.connected', label: label('Connected threads', 'Threads connectés'), unit: 'count' },
        { metric: 'mysql.threads.running', label: label('Running threads', 'Threads actifs'), unit: 'count' },
        { metric: 'mysql.connections.used', label: label('Of max connections', 'Des connexions max'), unit: 'percent' },
        { metric: 'mysql.queries.rate', label: label('Queries', 'Requêtes'), unit: 'perSecond' },
        { metric: 'mysql.slow_queries.rate', label: label('Slow queries', 'Requêtes lentes'), unit: 'perSecond' },
        { metric: 'mysql.innodb.buffer_pool.used', label: label('Buffer pool used', 'Tampon utilisé'), unit: 'percent' },
      ],
    },
    {
      kind: 'chart',
      title: label('Response time', 'Temps de réponse'),
      unit: 'milliseconds',
      series: [
        { metric: 'mysql.connect.time', label: label('Connect', 'Connexion') },
        { metric: 'mysql.response.time', label: label('Connect + SELECT 1', 'Connexion + SELECT 1') },
      ],
    },
    {
      kind: 'chart',
      title: label('Threads', 'Threads'),
      unit: 'count',
      series: [
        { metric: 'mysql.threads.connected', label: label('Connected', 'Connectés') },
        { metric: 'mysql.threads.running', label: label('Running', 'Actifs') },
        { metric: 'mysql.connections.max', label: label('Max connections', 'Connexions max') },
      ],
    },
    {
      kind: 'chart',
      title: label('Queries', 'Requêtes'),
      unit: 'perSecond',
      series: [
        { metric: 'mysql.queries.rate', label: label('Queries', 'Requêtes') },
        { metric: 'mysql.slow_queries.rate', label: label('Slow queries', 'Requêtes lentes') },
        { metric: 'mysql.aborted_connects.rate', label: label('Aborted connects', 'Connexions avortées') },
      ],
    },
    {
      kind: 'chart',
      title: label('InnoDB buffer pool used', 'Tampon InnoDB utilisé'),
      unit: 'percent',
      series: [{ metric: 'mysql.innodb.buffer_pool.used', label: label('Pages with data', 'Pages de données') }],
    },
    {
      kind: 'chart',
      title: label('Replication lag', 'Retard de réplication'),
      unit: 'seconds',
      series: [{ metric: 'mysql.replication.lag', instance: '*', label: label('Source', 'Source') }],
    },
    {
      kind: 'table',
      title: label('Replication', 'Réplication'),
      table: 'replicas',
      stateColumn: 'state',
      columns: [
        { key: 'source', label: label('Source', 'Source') },
        { key: 'ioRunning', label: label('IO thread', 'Thread IO') },
        { key: 'sqlRunning', label: label('SQL thread', 'Thread SQL') },
        { key: 'secondsBehind', label: label('Behind', 'Retard'), unit: 'seconds', format: 'number' },
        { key: 'state', label: label('State', 'État'), format: 'state' },
        { key: 'lastError', label: label('Last error', 'Dernière erreur'), secondary: true },
      ],
    },
    {
      kind: 'table',
      title: label('Sessions', 'Sessions'),
      table: 'sessions',
      sortBy: 'count',
      sortDesc: true,
      filterable: true,
      columns: [
        { key: 'user', label: label('User', 'Utilisateur') },
        { key: 'db', label: label('Database', 'Base') },
        { key: 'command', label: label('Command', 'Commande') },
        { key: 'count', label: label('Sessions', 'Sessions'), unit: 'count', format: 'number' },
        { key: 'maxSeconds', label: label('Longest', 'La plus longue'), unit: 'seconds', format: 'number' },
      ],
    },
  ],
};
