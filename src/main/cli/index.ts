import { Command } from 'commander';
import { packageVersion } from '../core/package-version';
import { createHeadlessCore } from '../server/headless-core';
import { registerPasswdCommand } from './passwd';
import { registerProbeCommand } from './probe';
import { registerServeCommand } from './serve';

/** `vigie`: the headless console (serve), its admin password (passwd) and the SNMP troubleshooting probe. */
const program = new Command()
  .name('vigie')
  .description('Vigie: monitoring console for a virtual infrastructure')
  .version(packageVersion())
  .showHelpAfterError();

registerServeCommand(program, createHeadlessCore);
registerPasswdCommand(program);
registerProbeCommand(program);

await program.parseAsync(process.argv);
