import { Command } from 'commander';
import { registerProbeCommand } from './probe';

/** `vigie probe` on its own (tests and troubleshooting without a build): node --import tsx src/main/cli/probe-main.ts probe HOST ... */
const program = new Command('vigie').exitOverride((error) => {
  process.exit(error.exitCode === 0 ? 0 : 2);
});
registerProbeCommand(program);
await program.parseAsync(process.argv);
