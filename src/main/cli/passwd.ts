import type { Command } from 'commander';
import { AuthStore } from '../server/auth-store';
import { PASSWORD_MIN, passwordProblem } from '../server/password-hash';
import { ServeError } from '../server/serve-error';
import { promptHidden, type PromptInput } from './passwd-prompt';
import { defaultDataDir, prepareDataDir } from './serve-data-dir';

interface PasswdOptions {
  data?: string;
  passwordEnv?: string;
}

/**
 * `vigie passwd`: sets or changes the admin password of `serve`, from a terminal prompt (no echo, asked
 * twice) or, for scripts, from an environment variable named by --password-env (never from the command
 * line, where other users could read it in the process list). A running server notices the change and ends
 * every session within a couple of seconds.
 */
export function registerPasswdCommand(program: Command): Command {
  return program
    .command('passwd')
    .description('Set or change the admin password of the web console (vigie serve)')
    .option('--data <dir>', 'data folder (default: $VIGIE_DATA or ~/.local/share/vigie)')
    .option(
      '--password-env <var>',
      'read the new password from this environment variable instead of a prompt',
    )
    .action(async (options: PasswdOptions) => {
      try {
        const dataDir = await prepareDataDir(options.data ?? defaultDataDir());
        const password = await readNewPassword(options.passwordEnv);
        const store = new AuthStore(dataDir);
        await store.setPassword(password);
        process.stdout.write(`Admin password set (${store.path}).\n`);
      } catch (error) {
        process.stderr.write(`vigie passwd: ${(error as Error).message}\n`);
        process.exit(1);
      }
    });
}

async function readNewPassword(envVar: string | undefined): Promise<string> {
  let password: string;
  if (envVar !== undefined) {
    const value = process.env[envVar];
    if (!value) throw new ServeError('options', `The environment variable ${envVar} is empty or not set`);
    password = value;
  } else {
    const input: PromptInput = process.stdin;
    if (!input.isTTY)
      throw new ServeError('options', 'No terminal to ask for the password: give it with --password-env VAR');
    password = await promptHidden('New admin password: ', input, process.stderr);
    checkPassword(password);
    const again = await promptHidden('Repeat it: ', input, process.stderr);
    if (again !== password) throw new ServeError('options', 'The two passwords differ; nothing was changed');
  }
  checkPassword(password);
  return password;
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem === 'too-short')
    throw new ServeError(
      'options',
      `The password must have at least ${PASSWORD_MIN} characters; nothing was changed`,
    );
  if (problem === 'too-long')
    throw new ServeError('options', 'The password is too long; nothing was changed');
}
