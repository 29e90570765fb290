import { label, type FamilyDescriptor } from './descriptor';

/** An LDAP directory (kind 'ldap'): bind and search times; OpenLDAP's cn=Monitor figures when readable. */
export const ldapDescriptor: FamilyDescriptor = {
  id: 'ldap',
  group: 'services',
  name: label('LDAP directory', 'Annuaire LDAP'),
  kind: 'ldap',
  tile: { source: 'metric', metric: 'ldap.response.time', label: label('Response', 'Réponse'), unit: 'milliseconds' },
  sections: [
    {
      kind: 'identity',
      title: label('Directory', 'Annuaire'),
      fields: [
        { key: 'version', label: label('Version', 'Version') },
        { key: 'namingContexts', label: label('Naming contexts', 'Contextes de nommage') },
        { key: 'bindDn', label: label('Bound as', 'Connecté en tant que') },
        { key: 'monitor', label: label('Monitor backend', 'Moniteur (cn=Monitor)') },
        { key: 'startedAt', label: label('Started', 'Démarré le'), format: 'date' },
        { key: 'connectionsTotal', label: label('Connections since start', 'Connexions depuis le démarrage'), format: 'number', unit: 'count' },
        { key: 'entriesSent', label: label('Entries sent since start', 'Entrées envoyées depuis le démarrage'), format: 'number', unit: 'count' },
        { key: 'threadsMax', label: label('Max threads', 'Threads max'), format: 'number', unit: 'count' },
      ],
    },
    {
      kind: 'stats',
      title: label('Now', 'Maintenant'),
      items: [
        { metric: 'ldap.bind.time', label: label('Bind', 'Authentification'), unit: 'milliseconds' },
        { metric: 'ldap.search.time', label: label('Base search', 'Recherche de la base'), unit: 'milliseconds' },
        { metric: 'ldap.connections.current', label: label('Open connections', 'Connexions ouvertes'), unit: 'count' },
        { metric: 'ldap.operations.completed.rate', label: label('Operations', 'Opérations'), unit: 'perSecond' },
        { metric: 'ldap.entries.rate', label: label('Entries sent', 'Entrées envoyées'), unit: 'perSecond' },
        { metric: 'ldap.threads.active', label: label('Active threads', 'Threads actifs'), unit: 'count' },
      ],
    },
    {
      kind: 'chart',
      title: label('Response time', 'Temps de réponse'),
      unit: 'milliseconds',
      series: [
        { metric: 'ldap.bind.time', label: label('Bind', 'Authentification') },
        { metric: 'ldap.search.time', label: label('Base search', 'Recherche de la base') },
      ],
    },
    {
      kind: 'chart',
      title: label('Connections', 'Connexions'),
      unit: 'count',
      series: [{ metric: 'ldap.connections.current', label: label('Open', 'Ouvertes') }],
    },
    {
      kind: 'chart',
      title: label('Operations by type', 'Opérations par type'),
      unit: 'perSecond',
      series: [{ metric: 'ldap.operations.rate', instance: '*', label: label('Operation', 'Opération') }],
    },
    {
      kind: 'chart',
      title: label('Entries sent', 'Entrées envoyées'),
      unit: 'perSecond',
      series: [{ metric: 'ldap.entries.rate', label: label('Entries', 'Entrées') }],
    },
    {
      kind: 'chart',
      title: label('Threads', 'Threads'),
      unit: 'count',
      series: [
        { metric: 'ldap.threads.open', label: label('Open', 'Ouverts') },
        { metric: 'ldap.threads.active', label: label('Active', 'Actifs') },
        { metric: 'ldap.threads.pending', label: label('Pending', 'En attente') },
      ],
    },
    {
      kind: 'table',
      title: label('Operations', 'Opérations'),
      table: 'operations',
      sortBy: 'completed',
      sortDesc: true,
      columns: [
        { key: 'operation', label: label('Operation', 'Opération') },
        { key: 'initiated', label: label('Initiated', 'Lancées'), unit: 'count', format: 'number' },
        { key: 'completed', label: label('Completed', 'Terminées'), unit: 'count', format: 'number' },
        { key: 'perSecond', label: label('Rate', 'Débit'), unit: 'perSecond', format: 'number' },
      ],
    },
  ],
};
