/**
 * The `vigie` CLI as the tests run it in a child process, until src/main/cli/index.ts and the headless core
 * exist: the real serve and passwd commands over the fake core. The fake reports the secrets backend the way
 * the headless core must: the real encrypted file store, or the real keychain (keytar) reachable or not.
 */
import { Command } from 'commander';
import keytar from 'keytar';
import { registerPasswdCommand } from '../../../src/main/cli/passwd';
import { registerServeCommand } from '../../../src/main/cli/serve';
import { FileSecretStore } from '../../../src/main/core/secrets/file-secret-store';
import type { AppInfo } from '../../../src/shared/contract/settings';
import { createFakeCore } from '../../helpers/fake-core';

async function secretsStatus(backend: 'keychain' | 'file', dataDir: string): Promise<AppInfo['secrets']> {
  if (backend === 'file') return { backend, ...(await new FileSecretStore({ dataDir }).status()) };
  try {
    await keytar.findCredentials('vigie');
    return { backend, available: true, message: null };
  } catch (error) {
    return { backend, available: false, message: (error as Error).message };
  }
}

const program = new Command('vigie');
registerServeCommand(program, async (options) =>
  createFakeCore({
    secrets: await secretsStatus(options.secrets, options.dataDir),
    metricsToken: process.env.TEST_METRICS_TOKEN ?? null,
  }),
);
registerPasswdCommand(program);
await program.parseAsync(process.argv);
