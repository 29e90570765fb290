import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { chunkModulesPlugin } from './scripts/chunk-modules-plugin';

// Libraries of the renderer's first load that change only on an upgrade. Not Mantine nor zod: their parts used
// by pages only would ride along (measured: 224 kB more first-load JS with Mantine here, 94 kB with zod); the
// bundler already puts the part of Mantine the dashboard shares with pages in a chunk of its own.
const VENDOR = /[\\/]node_modules[\\/](react|react-dom|scheduler|use-sync-external-store|i18next|react-i18next)[\\/]/;

// One build for three targets. The main config has two entries: the Electron shell (index) and the
// plain-Node CLI (cli: serve, probe). Nothing reachable from cli may import electron.
export default defineConfig({
  main: {
    build: {
      // The CLI runs on the system Node 20, not on Electron's Node: keep its syntax valid there.
      target: 'node20',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          cli: resolve('src/main/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload must be one CommonJS file with no runtime requires but electron.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    plugins: [react(), chunkModulesPlugin(resolve('.'))],
    build: {
      // Served over the network by `vigie serve` too: minified, it is about a third of the size.
      minify: true,
      // .vite/manifest.json (chunk graph) and chunk-modules.json (what each chunk holds): read by
      // test/integration/bundle-split.test.ts and bench/bundle.bench.ts.
      manifest: true,
      rollupOptions: {
        input: { index: resolve('src/renderer/index.html') },
        output: {
          // Pages are split by their lazy imports (app/lazy-pages.ts). The libraries every page and the
          // dashboard share go into one vendor chunk whose name and hash change only when they are upgraded,
          // so a browser keeps it across Vigie updates. Only what the first load needs belongs here: a
          // library used by one page (uPlot) must stay with that page. (codeSplitting is rolldown's
          // successor of rollup's manualChunks.)
          codeSplitting: {
            groups: [{ name: 'vendor', test: VENDOR, priority: 1 }],
          },
        },
      },
    },
  },
});
