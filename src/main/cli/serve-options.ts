import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { ServeError } from '../server/serve-error';
import { defaultDataDir } from './serve-data-dir';

/** What commander hands over; every field is checked before use. */
const RawServeOptionsSchema = z.object({
  port: z.string().default('8780'),
  host: z.string().default('127.0.0.1'),
  data: z.string().optional(),
  secrets: z.string().default('keychain'),
  tlsCert: z.string().optional(),
  tlsKey: z.string().optional(),
  insecurePublic: z.boolean().default(false),
  allowedHost: z.array(z.string()).default([]),
  static: z.string().optional(),
});

export interface ServeConfig {
  port: number;
  host: string;
  dataDir: string;
  secrets: 'keychain' | 'file';
  tlsFiles: { cert: string; key: string } | null;
  insecurePublic: boolean;
  allowedHosts: string[];
  staticDir: string;
}

export function parseServeOptions(raw: unknown, env: NodeJS.ProcessEnv = process.env): ServeConfig {
  const parsed = RawServeOptionsSchema.safeParse(raw);
  if (!parsed.success)
    throw new ServeError('options', `Invalid options: ${parsed.error.issues[0]?.message ?? 'unknown'}`);
  const o = parsed.data;
  if (!/^\d{1,5}$/.test(o.port) || Number(o.port) > 65535) {
    throw new ServeError('options', `--port must be a number from 0 to 65535, not "${o.port}"`);
  }
  const host = o.host.trim();
  if (!host) throw new ServeError('options', '--host must not be empty');
  if (o.secrets !== 'keychain' && o.secrets !== 'file') {
    throw new ServeError('options', `--secrets must be "keychain" or "file", not "${o.secrets}"`);
  }
  if (Boolean(o.tlsCert) !== Boolean(o.tlsKey)) {
    throw new ServeError('options', 'TLS needs both --tls-cert and --tls-key');
  }
  return {
    port: Number(o.port),
    host,
    dataDir: o.data ? resolve(o.data) : defaultDataDir(env),
    secrets: o.secrets,
    tlsFiles: o.tlsCert && o.tlsKey ? { cert: resolve(o.tlsCert), key: resolve(o.tlsKey) } : null,
    insecurePublic: o.insecurePublic,
    allowedHosts: o.allowedHost.map((h) => h.trim().toLowerCase()).filter(Boolean),
    staticDir: o.static ? resolve(o.static) : defaultStaticDir(),
  };
}

/**
 * The built renderer beside the built CLI (out/main/cli.js → out/renderer); when run from the sources
 * (src/main/cli/ through tsx), the repository's out/renderer.
 */
export function defaultStaticDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '..', 'renderer'), join(here, '..', '..', '..', 'out', 'renderer')];
  return candidates.find((c) => existsSync(join(c, 'index.html'))) ?? candidates[0] ?? here;
}

export async function readTlsFiles(files: {
  cert: string;
  key: string;
}): Promise<{ cert: Buffer; key: Buffer }> {
  const read = async (path: string, what: string): Promise<Buffer> => {
    try {
      return await readFile(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new ServeError(
        'tls',
        `Cannot read the TLS ${what} ${path} (${code}): check --tls-${what === 'certificate' ? 'cert' : 'key'}`,
      );
    }
  };
  return { cert: await read(files.cert, 'certificate'), key: await read(files.key, 'key') };
}
