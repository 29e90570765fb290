import type { DeviceKind } from '../../shared/kinds/index';
import { postgresFamily, postgresSource } from '../core/pollers/postgres';
import { SNMP_FAMILIES } from '../core/pollers/snmp/families';
import { snmpSource } from '../core/pollers/snmp/snmp-source';
import type { FamilyModule, Source } from '../core/pollers/source';
import { parseProbeOptions, type ProbeConfig } from './probe-options';
import { parseLdapProbeOptions, parseMysqlProbeOptions, parsePostgresProbeOptions } from './probe-service-options';
import { ldapFamily, ldapSource } from '../core/pollers/ldap';
import { mysqlFamily, mysqlSource } from '../core/pollers/mysql';

/** A command-line option of the probe: commander flags and help text. */
export interface ProbeOption {
  flags: string;
  description: string;
}

/**
 * How `vigie probe --kind <kind>` reads its command line for one kind of device. Options that several kinds
 * share (`--user`, `--password-env`, `--tls`) are declared once, by the first kind that lists them; each
 * kind's parser reads the ones it knows and ignores the rest.
 */
export interface ProbeKind {
  kind: DeviceKind;
  options: readonly ProbeOption[];
  parse(host: string, raw: unknown, env?: NodeJS.ProcessEnv): ProbeConfig;
  source: Source;
  families: readonly FamilyModule[];
}

const snmpProbe: ProbeKind = {
  kind: 'snmp',
  options: [
    { flags: '--version <version>', description: 'SNMP version: 1, 2c or 3 (default 2c, or 3 with --user)' },
    { flags: '--community-env <VAR>', description: 'environment variable holding the community (default community: public)' },
    { flags: '--level <level>', description: 'SNMPv3 level: noAuthNoPriv, authNoPriv, authPriv (default: from the keys given)' },
    { flags: '--auth-protocol <protocol>', description: 'SNMPv3 authentication: md5, sha, sha224, sha256, sha384, sha512 (default sha)' },
    { flags: '--auth-key-env <VAR>', description: 'environment variable holding the SNMPv3 authentication key' },
    { flags: '--priv-protocol <protocol>', description: 'SNMPv3 privacy: des, aes, aes256b, aes256r (default aes)' },
    { flags: '--priv-key-env <VAR>', description: 'environment variable holding the SNMPv3 privacy key' },
    { flags: '--context <name>', description: 'SNMPv3 context' },
    { flags: '--retries <n>', description: 'SNMP retries per request (default 1)' },
  ],
  parse: parseProbeOptions,
  source: snmpSource,
  families: SNMP_FAMILIES,
};

const postgresProbe: ProbeKind = {
  kind: 'postgres',
  options: [
    { flags: '--password-env <VAR>', description: 'environment variable holding the password (postgres, mysql, ldap)' },
    { flags: '--database <name>', description: 'database to connect to (postgres; default postgres)' },
    { flags: '--tls <mode>', description: 'require (encrypt) or verify (encrypt and check the CA) (services)' },
    { flags: '--ca-file <path>', description: 'CA certificate (PEM) for --tls verify' },
    { flags: '--cert-file <path>', description: 'client certificate (PEM)' },
    { flags: '--key-file <path>', description: 'client key (PEM)' },
  ],
  parse: parsePostgresProbeOptions,
  source: postgresSource,
  families: [postgresFamily],
};

const mysqlProbe: ProbeKind = {
  kind: 'mysql',
  options: [],
  parse: parseMysqlProbeOptions,
  source: mysqlSource,
  families: [mysqlFamily],
};

const ldapProbe: ProbeKind = {
  kind: 'ldap',
  options: [
    { flags: '--base-dn <dn>', description: 'base DN searched to time the directory (ldap; required)' },
    { flags: '--ldaps', description: 'TLS from the first byte on port 636 (ldap; --tls then only sets the checks)' },
  ],
  parse: parseLdapProbeOptions,
  source: ldapSource,
  families: [ldapFamily],
};

/** Every kind the probe can poll; add a kind's entry here to give it `vigie probe --kind`. */
export const PROBE_KINDS: readonly ProbeKind[] = [snmpProbe, postgresProbe, mysqlProbe, ldapProbe];

export function probeKind(kind: string): ProbeKind | undefined {
  return PROBE_KINDS.find((k) => k.kind === kind);
}
