import { label } from '../families/descriptor';
import type { KindField } from './kind-definition';

export { ServiceTlsSchema, type ServiceTls } from '../services/service-tls';

/** The TLS fields of every service kind's form, over the shared `tls` settings object. */
export const SERVICE_TLS_FIELDS: readonly KindField[] = [
  {
    key: 'tls.mode',
    type: 'select',
    label: label('TLS', 'TLS'),
    options: [
      { value: 'none', label: label('Off', 'Désactivé') },
      { value: 'require', label: label('Required (certificate not checked)', 'Exigé (certificat non vérifié)') },
      { value: 'verify', label: label('Required, verify the CA', 'Exigé, vérifier l’autorité') },
    ],
  },
  {
    key: 'tls.caFile',
    type: 'text',
    label: label('CA file (PEM path)', 'Fichier de l’autorité (chemin PEM)'),
    when: { key: 'tls.mode', values: ['verify'] },
    placeholder: '/etc/ssl/certs/ca.pem',
  },
  {
    key: 'tls.certFile',
    type: 'text',
    label: label('Client certificate (PEM path, optional)', 'Certificat client (chemin PEM, facultatif)'),
    when: { key: 'tls.mode', values: ['require', 'verify'] },
  },
  {
    key: 'tls.keyFile',
    type: 'text',
    label: label('Client key (PEM path, optional)', 'Clé client (chemin PEM, facultatif)'),
    when: { key: 'tls.mode', values: ['require', 'verify'] },
  },
];
