import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { sendText } from './responses';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

interface Found {
  path: string;
  size: number;
  mtimeMs: number;
}

async function fileAt(path: string): Promise<Found | null> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * The built renderer (out/renderer). Paths are resolved inside the root and anything escaping it is refused;
 * an extension-less path that is not a file is a client-side route and gets index.html (SPA fallback); a
 * missing file with an extension is a real 404. Hashed bundles under /assets/ are cached for good, the
 * index never (so a new build is picked up at once).
 */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  const base = resolve(root);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendText(res, 400, 'Malformed path');
    return;
  }
  if (decoded.includes('\0')) {
    sendText(res, 400, 'Malformed path');
    return;
  }
  const target = resolve(join(base, decoded));
  if (target !== base && !target.startsWith(base + sep)) {
    sendText(res, 404, 'Not found');
    return;
  }
  const index = join(base, 'index.html');
  let found = target === base ? null : await fileAt(target);
  if (!found && (target === base || extname(decoded) === '')) found = await fileAt(index);
  if (!found) {
    if (!(await fileAt(index))) {
      sendText(res, 503, `The web console is not built: run "npm run build" (looked for ${index})`);
      return;
    }
    sendText(res, 404, 'Not found');
    return;
  }
  const immutable = found.path.startsWith(join(base, 'assets') + sep);
  const type = TYPES[extname(found.path).toLowerCase()] ?? 'application/octet-stream';
  const headers = {
    'Content-Type': type,
    'Cache-Control': immutable ? 'private, max-age=31536000, immutable' : 'no-cache',
    Vary: 'Accept-Encoding',
  };
  // Over a remote link the console's scripts and styles are a quarter of their size gzipped (issue 18).
  if (COMPRESSIBLE.test(type) && found.size >= 1024 && acceptsGzip(req)) {
    const body = await gzipped(found);
    res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, { ...headers, 'Content-Length': found.size });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(found.path);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;
const gzipAsync = promisify(gzip);

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return coding === 'gzip' && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/**
 * Compressed once per file version and kept: the renderer is a few dozen files (about 1.5 MB), so the cache
 * is bounded by the build, and a rebuild (new size or mtime) replaces the entry.
 */
const cache = new Map<string, { size: number; mtimeMs: number; body: Promise<Buffer> }>();

function gzipped(found: Found): Promise<Buffer> {
  const hit = cache.get(found.path);
  if (hit && hit.size === found.size && hit.mtimeMs === found.mtimeMs) return hit.body;
  const body = readFile(found.path).then((raw) => gzipAsync(raw, { level: 9 }));
  body.catch(() => cache.delete(found.path));
  cache.set(found.path, { size: found.size, mtimeMs: found.mtimeMs, body });
  return body;
}
