import { relative } from 'node:path';
import type { Plugin } from 'vite';

/** Where the map is written, beside Vite's own manifest (out/renderer/.vite/). */
export const CHUNK_MODULES_FILE = '.vite/chunk-modules.json';

/** A module id as the map names it: a package for anything under node_modules, else a path from the root. */
export function moduleName(id: string, root: string): string {
  const clean = id.replace(/\?.*$/, '').replace(/^\0/, '');
  // The last node_modules of the path: a nested copy is named by its own package.
  const inPackage = /.*[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(clean);
  if (inPackage?.[1]) return `npm:${inPackage[1].replace(/\\/g, '/')}`;
  return clean.startsWith('/') ? relative(root, clean).replace(/\\/g, '/') : clean;
}

/**
 * Writes which modules each output chunk holds. Vite's manifest names chunks and their imports but not
 * their modules, and the test that keeps page code (uPlot…) out of the dashboard's first load needs both.
 */
export function chunkModulesPlugin(root: string): Plugin {
  return {
    name: 'vigie:chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const map: Record<string, string[]> = {};
      for (const item of Object.values(bundle)) {
        if (item.type !== 'chunk') continue;
        map[item.fileName] = [...new Set(Object.keys(item.modules).map((id) => moduleName(id, root)))].sort();
      }
      this.emitFile({ type: 'asset', fileName: CHUNK_MODULES_FILE, source: `${JSON.stringify(map, null, 1)}\n` });
    },
  };
}
