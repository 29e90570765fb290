export { ldapFamily } from './family';
export { ldapService, ldapSource } from './ldap-source';
