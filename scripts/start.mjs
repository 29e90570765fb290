// `npm start`: the desktop app where an Electron binary exists; otherwise (a server, CI, this kind of
// machine where Electron cannot be downloaded) the same console headless, in the browser.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const run = (cmd, args, env = {}) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

function electronBinary() {
  try {
    const dir = join(root, 'node_modules', 'electron');
    const name = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
    const bin = join(dir, 'dist', name);
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

/** better-sqlite3 is native: Electron needs it built for its own ABI, plain Node (tests, serve) for Node's. */
function ensureSqliteFor(runtime) {
  const marker = join(root, 'node_modules', '.vigie-sqlite-abi');
  const current = existsSync(marker) ? readFileSync(marker, 'utf8') : 'node';
  if (current === runtime) return;
  console.log(`Rebuilding better-sqlite3 for ${runtime}...`);
  const env = runtime === 'node' ? {} : {
    npm_config_runtime: 'electron',
    npm_config_target: require('electron/package.json').version,
    npm_config_disturl: 'https://electronjs.org/headers',
  };
  run('npm', ['rebuild', 'better-sqlite3'], env);
  writeFileSync(marker, runtime);
}

const bin = electronBinary();
run('npx', ['electron-vite', 'build']);
if (bin) {
  ensureSqliteFor('electron');
  spawn(bin, ['.'], { cwd: root, stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  ensureSqliteFor('node');
  const data = process.env.VIGIE_DATA ?? join(homedir(), '.local', 'share', 'vigie');
  const secrets = process.env.DBUS_SESSION_BUS_ADDRESS ? 'keychain' : 'file';
  console.log(
    `No Electron binary on this machine (installed with ELECTRON_SKIP_BINARY_DOWNLOAD): starting the console headless.\n` +
      `Data in ${data}; secrets in the ${secrets === 'file' ? `encrypted file ${data}/secrets.enc (no desktop keychain here)` : 'desktop keychain'}.`,
  );
  spawn(process.execPath, ['bin/vigie.js', 'serve', '--data', data, '--secrets', secrets, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
  }).on('exit', (code) => process.exit(code ?? 0));
}
