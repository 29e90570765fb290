import type { Command } from 'commander';
import type { Logger } from '../core/ports';
import { checkBindPolicy } from '../server/bind-policy';
import { startServer } from '../server/http-server';
import { ServeError } from '../server/serve-error';
import { deferredCore } from '../server/deferred-core';
import type { HeadlessCoreOptions, ServedCore } from '../server/served-core';
import { keepHeapCloseToLiveSet } from './heap-policy';
import { consoleLogger, holdInfoLines } from './serve-console-log';
import { prepareDataDir } from './serve-data-dir';
import { parseServeOptions, readTlsFiles, type ServeConfig } from './serve-options';
import { takeShutdownSignals } from './shutdown-signals';

export type CoreFactory = (options: HeadlessCoreOptions) => Promise<ServedCore>;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/**
 * `vigie serve`: the console over HTTP. The core is passed in (createHeadlessCore in the real CLI, a fake in
 * tests) so that this file stays about options, start-up errors and shutdown.
 */
export function registerServeCommand(program: Command, createCore: CoreFactory): Command {
  return program
    .command('serve')
    .description('Serve the Vigie console to a browser, behind a login')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8780')
    .option(
      '--host <address>',
      'address to listen on; anything but loopback needs TLS or --insecure-public',
      '127.0.0.1',
    )
    .option('--data <dir>', 'data folder (default: $VIGIE_DATA or ~/.local/share/vigie)')
    .option(
      '--secrets <backend>',
      'where secrets go: keychain (Secret Service) or file (encrypted, in the data folder)',
      'keychain',
    )
    .option('--tls-cert <file>', 'TLS certificate (PEM)')
    .option('--tls-key <file>', 'TLS private key (PEM)')
    .option(
      '--insecure-public',
      'allow a non-loopback address without TLS (a TLS proxy sits in front)',
      false,
    )
    .option(
      '--allowed-host <name>',
      'also answer to this host name on a loopback bind (reverse proxy); repeatable',
      collect,
      [],
    )
    .option('--static <dir>', 'built renderer to serve (default: out/renderer beside the CLI)')
    .action(async (raw: unknown) => {
      const log = consoleLogger();
      try {
        await runServe(parseServeOptions(raw), createCore, log);
      } catch (error) {
        process.stderr.write(`vigie serve: ${oneLine(error)}\n`);
        process.exit(1);
      }
    });
}

function oneLine(error: unknown): string {
  const message =
    error instanceof ServeError
      ? error.message
      : `Cannot start: ${error instanceof Error ? error.message : String(error)}`;
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * Starts everything, prints the URL, and stays up until SIGINT/SIGTERM. Throws ServeError on a start failure.
 * The server listens before the core is built: the login page needs none of the core, and on a large site
 * building it (modules, store, 1,000 devices' alert memory, first polls) takes longer than the start-up bar.
 * Calls that arrive meanwhile wait for the core (deferred-core.ts); the URL is printed once it is ready.
 */
export async function runServe(config: ServeConfig, createCore: CoreFactory, log: Logger): Promise<void> {
  keepHeapCloseToLiveSet();
  // Everything that can be checked without the core is checked first: fast, one-line failures.
  checkBindPolicy(config.host, config.tlsFiles !== null, config.insecurePublic);
  const dataDir = await prepareDataDir(config.dataDir);
  const tls = config.tlsFiles ? await readTlsFiles(config.tlsFiles) : undefined;

  const deferred = deferredCore();
  const startLog = holdInfoLines(log);
  const server = await startServer(deferred.served, {
    host: config.host,
    port: config.port,
    staticDir: config.staticDir,
    dataDir,
    tls,
    insecurePublic: config.insecurePublic,
    allowedHosts: config.allowedHosts,
    log: startLog.log,
  });
  let core: ServedCore | null = null;
  try {
    // A turn of the event loop first: a browser already waiting gets its login page before the core's modules load.
    await new Promise((resolve) => setImmediate(resolve));
    core = await createCore({ dataDir, secrets: config.secrets, logToConsole: true });
    const info = await core.info();
    if (!info.secrets.available) throw secretsError(config.secrets, info.secrets.message);
    for (const notice of info.notices) log.warn(notice);
    deferred.ready(core);
    startLog.release();
  } catch (error) {
    deferred.failed(error);
    await server.close().catch(() => undefined);
    await core?.close().catch(() => undefined);
    throw error;
  }

  // One write: a reader that sees the address also sees the first-run hint (a pipe delivers a small write whole).
  const firstRun = server.passwordSet
    ? ''
    : 'First run: open that address in a browser on this machine to set the admin password, or run "vigie passwd".\n';
  process.stdout.write(`Vigie console: ${server.url}\n${firstRun}`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) {
      process.stderr.write(`vigie serve: ${signal} again, exiting without waiting\n`);
      process.exit(1);
    }
    stopping = true;
    log.info('stopping', { signal });
    server
      .close()
      .then(() => deferred.served.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          process.stderr.write(`vigie serve: error while stopping: ${oneLine(error)}\n`);
          process.exit(1);
        },
      );
  };
  takeShutdownSignals(stop);
}

function secretsError(backend: 'keychain' | 'file', message: string | null): ServeError {
  const why = (message ?? 'no reason given').replace(/\.+$/, '');
  if (backend === 'keychain') {
    return new ServeError(
      'secrets',
      `The OS keychain is not available (${why}): run Vigie in a session with an unlocked keyring (D-Bus Secret Service), or start it with --secrets file to keep secrets encrypted in the data folder`,
    );
  }
  return new ServeError('secrets', `The encrypted secrets file cannot be used: ${why}`);
}
