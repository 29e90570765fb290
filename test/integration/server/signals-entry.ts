/**
 * `vigie serve` for the signal test: the real serve command and the real settings store (conf, which brings
 * when-exit and its signal listeners), over the fake core whose close waits like a core with a poll in
 * flight. SIGNALS_CLOSE_MS sets that wait; the test waits for the "closing" line before it asserts.
 */
import { Command } from 'commander';
import Conf from 'conf';
import { registerServeCommand } from '../../../src/main/cli/serve';
import { ConfSettingsStore } from '../../../src/main/core/settings/conf-settings-store';
import { createFakeCore } from '../../helpers/fake-core';

const closeMs = Number(process.env.SIGNALS_CLOSE_MS ?? '1500');

const program = new Command('vigie');
registerServeCommand(program, (options) => {
  const settings = new ConfSettingsStore(
    new Conf<Record<string, unknown>>({ cwd: options.dataDir, configName: 'settings', projectName: 'vigie' }),
  );
  settings.update((s) => ({ ...s, language: 'en' }));
  const core = createFakeCore({ secrets: { backend: 'file', available: true, message: null } });
  return Promise.resolve({
    ...core,
    async close() {
      process.stderr.write('closing: waiting for the poll in flight\n');
      await new Promise((resolve) => setTimeout(resolve, closeMs));
      await core.close();
      process.stderr.write('closed\n');
    },
  });
});
await program.parseAsync(process.argv);
