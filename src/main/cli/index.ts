import { Command } from 'commander';
import { packageVersion } from '../core/package-version';
import { createHeadlessCore } from '../server/headless-core';
import { registerMailTestCommand } from './mail-test';
import { registerPasswdCommand } from './passwd';
import { registerProbeCommand } from './probe';
import { registerReportCommand } from './report';
import { addReportMailOptions } from './report-mail';
import { registerServeCommand } from './serve';

/** `vigie`: the headless console (serve), its admin password (passwd) and the SNMP troubleshooting probe. */
const program = new Command()
  .name('vigie')
  .description('Vigie: monitoring console for a virtual infrastructure')
  .version(packageVersion(), '-V, --version')
  // Program options only before the subcommand: else `vigie probe HOST --version 2c` prints Vigie's version.
  .enablePositionalOptions()
  .showHelpAfterError();

registerServeCommand(program, createHeadlessCore);
registerPasswdCommand(program);
registerProbeCommand(program);
addReportMailOptions(registerReportCommand(program));
registerMailTestCommand(program);

await program.parseAsync(process.argv);
