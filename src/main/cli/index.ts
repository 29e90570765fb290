import { Command } from 'commander';
import { packageVersion } from '../core/package-version';

/** `vigie`: the headless console (serve), its admin password (passwd) and the SNMP troubleshooting probe. */
const program = new Command()
  .name('vigie')
  .description('Vigie: monitoring console for a virtual infrastructure')
  .version(packageVersion(), '-V, --version')
  // Program options only before the subcommand: else `vigie probe HOST --version 2c` prints Vigie's version.
  .enablePositionalOptions()
  .showHelpAfterError();

/**
 * Each command's module is loaded only when that command runs (all of them for help, version or a typo): the
 * modules behind them (the core, the pollers' client libraries, the report and mail stacks) took most of
 * serve's start-up before it could answer a page. serve loads the core itself, after it listens.
 */
const COMMANDS: Record<string, () => Promise<unknown>> = {
  serve: async () =>
    (await import('./serve')).registerServeCommand(program, async (options) =>
      (await import('../server/headless-core')).createHeadlessCore(options),
    ),
  passwd: async () => (await import('./passwd')).registerPasswdCommand(program),
  probe: async () => (await import('./probe')).registerProbeCommand(program),
  report: async () => {
    const [report, mail] = await Promise.all([import('./report'), import('./report-mail')]);
    return mail.addReportMailOptions(report.registerReportCommand(program));
  },
  'mail-test': async () => (await import('./mail-test')).registerMailTestCommand(program),
};
const asked = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const load = asked !== undefined && Object.hasOwn(COMMANDS, asked) ? [asked] : Object.keys(COMMANDS);
// In order, so that help lists the commands as before.
for (const name of load) await COMMANDS[name]?.();

await program.parseAsync(process.argv);
