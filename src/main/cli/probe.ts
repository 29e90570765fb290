import type { Command } from 'commander';
import { familyDescriptor } from '../../shared/families';
import type { Logger } from '../core/ports';
import { SNMP_FAMILIES } from '../core/pollers/snmp/families';
import { PollError } from '../core/pollers/source';
import { formatProbeHuman, formatProbeJson } from './probe-format';
import { PROBE_KINDS, probeKind } from './probe-kinds';
import { ProbeUsageError } from './probe-options';
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
  const command = program
    .command('probe')
    .description('Poll one device once and print what Vigie sees (secrets only from environment variables)')
    .argument('<host>', 'host name or IP address')
    .option('--kind <kind>', `kind of device: ${PROBE_KINDS.map((k) => k.kind).join(', ')}`, 'snmp')
    .option('--port <port>', 'port (default: the kind\'s, e.g. 161 for SNMP, 5432 for PostgreSQL)')
    .option('--user <name>', 'user (SNMPv3 user, database or directory login)')
    .option('--family <id>', `family: auto or one of ${SNMP_FAMILIES.map((f) => f.descriptor.id).join(', ')}`, 'auto')
    .option('--timeout <ms>', 'timeout in milliseconds (default 2000 for SNMP, 5000 for services)')
    .option('--interval <seconds>', 'poll twice, this many seconds apart, so that rates appear')
    .option('--watch <process>', 'watch a process by name (repeatable)', collect, [])
    .option('--json', 'print JSON instead of tables', false);
  const declared = new Set(command.options.map((o) => o.long));
  for (const kind of PROBE_KINDS)
    for (const o of kind.options) {
      const long = o.flags.split(/[ ,]/)[0];
      if (declared.has(long)) continue;
      declared.add(long);
      command.option(o.flags, o.description);
    }
  return (
    command
      // A command line commander rejects (unknown option, missing value) is a usage error like ours: exit 2.
      .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
      .action(async (host: string, raw: unknown) => {
        process.exitCode = await probeAction(host, raw, deps);
      })
  );
}

export async function probeAction(host: string, raw: unknown, deps: Partial<ProbeDeps> = {}): Promise<number> {
  const controller = new AbortController();
  const onSignal = (): void => controller.abort('interrupted');
  process.once('SIGINT', onSignal);
  try {
    const kindName = (raw as { kind?: unknown } | null)?.kind;
    const kind = probeKind(typeof kindName === 'string' ? kindName : 'snmp');
    if (!kind) throw new ProbeUsageError(`--kind must be one of ${PROBE_KINDS.map((k) => k.kind).join(', ')}`);
    const full: ProbeDeps = { source: deps.source ?? kind.source, families: deps.families ?? kind.families, log: deps.log ?? stderrLog, ...(deps.now ? { now: deps.now } : {}) };
    const config = kind.parse(host, raw);
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
