import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The CLI entry the tests run (real serve/passwd commands over the fake core). */
export const SERVE_ENTRY = fileURLToPath(new URL('../integration/server/serve-entry.ts', import.meta.url));

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface ServeProcess {
  url: string;
  child: ChildProcess;
  output(): { stdout: string; stderr: string };
  /** Waits until the output so far satisfies `done` (the condition a test asserts), or fails with it. */
  waitForOutput(done: (out: { stdout: string; stderr: string }) => boolean, timeoutMs?: number): Promise<void>;
  /** Sends the signal and waits for the exit. */
  stop(signal?: NodeJS.Signals): Promise<CliResult>;
}

/** Run the child as another user (root can write anywhere, so a permission test needs one that cannot). */
export interface RunAs {
  uid: number;
  gid: number;
}

function spawnCli(args: string[], env: NodeJS.ProcessEnv, runAs?: RunAs): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', SERVE_ENTRY, ...args], {
    cwd: ROOT,
    env: { ...env, NODE_NO_WARNINGS: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(runAs ?? {}),
  });
}

function collect(child: ChildProcess): { out: { stdout: string; stderr: string }; exit: Promise<CliResult> } {
  const out = { stdout: '', stderr: '' };
  child.stdout?.on('data', (d: Buffer) => (out.stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out.stderr += d.toString()));
  const exit = new Promise<CliResult>((resolve) => {
    child.once('exit', (code, signal) => {
      // Let the pipes drain what the process wrote last.
      setImmediate(() => resolve({ code, signal, ...out }));
    });
  });
  return { out, exit };
}

/** Runs a CLI command that is expected to end (an error, passwd), with a deadline. */
export async function runCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 30_000,
  runAs?: RunAs,
): Promise<CliResult> {
  const child = spawnCli(args, env, runAs);
  child.stdin?.end();
  const { exit } = collect(child);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}

/** Starts `serve` and waits for the line with its URL; fails with the process output if it exits first. */
export async function startServe(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = 30_000,
): Promise<ServeProcess> {
  const child = spawnCli(['serve', ...args], env);
  const { out, exit } = collect(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve did not print its URL within ${timeoutMs} ms:\n${out.stdout}\n${out.stderr}`));
    }, timeoutMs);
    const onData = (): void => {
      const m = /Vigie console: (\S+)/.exec(out.stdout);
      if (!m?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      resolve(m[1]);
    };
    child.stdout?.on('data', onData);
    void exit.then((r) => {
      clearTimeout(timer);
      reject(
        new Error(`serve exited (${r.code ?? r.signal}) before printing its URL:\n${r.stdout}\n${r.stderr}`),
      );
    });
  });
  return {
    url,
    child,
    output: () => ({ ...out }),
    waitForOutput: (done, waitMs = 30_000) => waitForOutput(child, out, done, waitMs),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

function waitForOutput(
  child: ChildProcess,
  out: { stdout: string; stderr: string },
  done: (o: { stdout: string; stderr: string }) => boolean,
  timeoutMs: number,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const check = (): void => {
      if (!done(out)) return;
      cleanup();
      resolve();
    };
    const onExit = (): void => {
      // The pipes may still hold the last words: judge after they drain.
      setImmediate(() => {
        cleanup();
        if (done(out)) resolve();
        else reject(new Error(`the process exited before the expected output:\n${out.stdout}\n${out.stderr}`));
      });
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`expected output not seen within ${timeoutMs} ms:\n${out.stdout}\n${out.stderr}`));
    }, timeoutMs);
    const cleanup = (): void => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
    };
    // Listeners added after collect()'s own, so `out` already holds each chunk when check runs.
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  });
}
