import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { z } from 'zod';
import { CHUNK_MODULES_FILE } from '../scripts/chunk-modules-plugin';

/**
 * The renderer build's chunk graph, read from what the build writes beside out/renderer: Vite's manifest
 * (chunks and their static/dynamic imports) and chunk-modules.json (the modules each chunk holds).
 */
const ManifestChunkSchema = z.object({
  file: z.string(),
  src: z.string().optional(),
  isEntry: z.boolean().optional(),
  isDynamicEntry: z.boolean().optional(),
  imports: z.array(z.string()).optional(),
  dynamicImports: z.array(z.string()).optional(),
  css: z.array(z.string()).optional(),
});
const ManifestSchema = z.record(z.string(), ManifestChunkSchema);
const ChunkModulesSchema = z.record(z.string(), z.array(z.string()));

export type Manifest = z.infer<typeof ManifestSchema>;
export type ChunkModules = z.infer<typeof ChunkModulesSchema>;

export interface RendererBuild {
  manifest: Manifest;
  chunkModules: ChunkModules;
}

export const MANIFEST_FILE = '.vite/manifest.json';

export function readRendererBuild(dir: string): RendererBuild {
  const read = (file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  return {
    manifest: ManifestSchema.parse(read(MANIFEST_FILE)),
    chunkModules: ChunkModulesSchema.parse(read(CHUNK_MODULES_FILE)),
  };
}

export interface Load {
  /** Output files (JS and CSS) the browser must fetch, relative to the renderer folder. */
  files: string[];
  /** Modules those JS files hold (`npm:<package>` or a path from the repository root). */
  modules: string[];
}

/** What loading `key` fetches before it runs: the chunk, its static imports, recursively, and their CSS. */
export function staticLoad(build: RendererBuild, key: string): Load {
  const seen = new Set<string>();
  const files = new Set<string>();
  const visit = (k: string): void => {
    if (seen.has(k)) return;
    seen.add(k);
    const chunk = build.manifest[k];
    if (!chunk) throw new Error(`manifest has no chunk ${k}`);
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const i of chunk.imports ?? []) visit(i);
  };
  visit(key);
  const modules = new Set<string>();
  for (const f of files) for (const m of build.chunkModules[f] ?? []) modules.add(m);
  return { files: [...files].sort(), modules: [...modules].sort() };
}

export function entryKey(manifest: Manifest): string {
  const entries = Object.entries(manifest).filter(([, c]) => c.isEntry);
  if (entries.length !== 1 || !entries[0]) throw new Error(`expected one entry chunk, found ${String(entries.length)}`);
  return entries[0][0];
}

/** The key of the lazily loaded chunk whose entry module is `src` (a path from the renderer root). */
export function dynamicEntryKey(manifest: Manifest, src: string): string | null {
  const found = Object.entries(manifest).find(([, c]) => c.isDynamicEntry && c.src === src);
  return found ? found[0] : null;
}

export interface Bytes {
  minified: number;
  gzip: number;
}

export function sizeOf(contents: Buffer): Bytes {
  return { minified: contents.length, gzip: gzipSync(contents, { level: 9 }).length };
}

export function addBytes(a: Bytes, b: Bytes): Bytes {
  return { minified: a.minified + b.minified, gzip: a.gzip + b.gzip };
}

/** Every JS and CSS file of the build, the baseline a single-chunk renderer would load at once. */
export function wholeBundle(dir: string): { files: string[]; bytes: Bytes } {
  const files = readdirSync(join(dir, 'assets'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
    .map((f) => `assets/${f}`)
    .sort();
  const bytes = files.reduce((sum, f) => addBytes(sum, sizeOf(readFileSync(join(dir, f)))), { minified: 0, gzip: 0 });
  return { files, bytes };
}
