import type { Command } from 'commander';
import { familyDescriptor } from '../../shared/families';
import type { Logger } from '../core/ports';
import { SNMP_FAMILIES } from '../core/pollers/snmp/families';
import { snmpSource } from '../core/pollers/snmp/snmp-source';
import { PollError } from '../core/pollers/source';
import { formatProbeHuman, formatProbeJson } from './probe-format';
import { parseProbeOptions, ProbeUsageError } from './probe-options';
import { runProbe, type ProbeDeps } from './probe-run';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const stderrLog: Logger = {
  info: () => undefined,
  warn: (message) => process.stderr.write(`vigie probe: ${message}\n`),
  error: (message) => process.stderr.write(`vigie probe: ${message}\n`),
};

/**
 * `vigie probe HOST`: polls one SNMP device once, as Vigie would, and prints its family, identity, metrics
 * and page tables (--json: the DeviceSnapshot shape without its time). Exit codes: 0 polled, 1 the device
 * could not be polled (the message says why), 2 bad command line.
 */
export function registerProbeCommand(program: Command, deps: Partial<ProbeDeps> = {}): Command {
  return program
    .command('probe')
    .description('Poll one SNMP device once and print what Vigie sees (secrets only from environment variables)')
    .argument('<host>', 'host name or IP address')
    .option('--port <port>', 'UDP port', '161')
    .option('--version <version>', 'SNMP version: 1, 2c or 3 (default 2c, or 3 with --user)')
    .option('--community-env <VAR>', 'environment variable holding the community (default community: public)')
    .option('--user <name>', 'SNMPv3 user')
    .option('--level <level>', 'SNMPv3 level: noAuthNoPriv, authNoPriv, authPriv (default: from the keys given)')
    .option('--auth-protocol <protocol>', 'SNMPv3 authentication: md5, sha, sha224, sha256, sha384, sha512', 'sha')
    .option('--auth-key-env <VAR>', 'environment variable holding the SNMPv3 authentication key')
    .option('--priv-protocol <protocol>', 'SNMPv3 privacy: des, aes, aes256b, aes256r', 'aes')
    .option('--priv-key-env <VAR>', 'environment variable holding the SNMPv3 privacy key')
    .option('--context <name>', 'SNMPv3 context', '')
    .option('--family <id>', `family: auto or one of ${SNMP_FAMILIES.map((f) => f.descriptor.id).join(', ')}`, 'auto')
    .option('--timeout <ms>', 'timeout per request in milliseconds', '2000')
    .option('--retries <n>', 'retries per request', '1')
    .option('--interval <seconds>', 'poll twice, this many seconds apart, so that rates appear')
    .option('--watch <process>', 'watch a process by name (repeatable)', collect, [])
    .option('--json', 'print JSON instead of tables', false)
    // A command line commander rejects (unknown option, missing value) is a usage error like ours: exit 2.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(async (host: string, raw: unknown) => {
      process.exitCode = await probeAction(host, raw, deps);
    });
}

export async function probeAction(host: string, raw: unknown, deps: Partial<ProbeDeps> = {}): Promise<number> {
  const full: ProbeDeps = { source: deps.source ?? snmpSource, families: deps.families ?? SNMP_FAMILIES, log: deps.log ?? stderrLog, ...(deps.now ? { now: deps.now } : {}) };
  const controller = new AbortController();
  const onSignal = (): void => controller.abort('interrupted');
  process.once('SIGINT', onSignal);
  try {
    const config = parseProbeOptions(host, raw);
    const report = await runProbe(config, full, controller.signal);
    process.stdout.write(config.json ? formatProbeJson(report) : formatProbeHuman(report, familyDescriptor(report.family)));
    return 0;
  } catch (error) {
    if (error instanceof ProbeUsageError) {
      process.stderr.write(`vigie probe: ${error.message}\n`);
      return 2;
    }
    if (error instanceof PollError) {
      process.stderr.write(`vigie probe: cannot poll ${host} (${error.stage}): ${error.message}\n`);
      return 1;
    }
    process.stderr.write(`vigie probe: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
  }
}
