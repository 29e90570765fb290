#!/usr/bin/env node
// The `vigie` command (serve, probe, passwd): runs the CLI built by `npm run build` (out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('vigie: the CLI is not built yet. Run `npm run build` first (or `npm run serve`).');
  process.exit(1);
}
await import(pathToFileURL(cli).href);
