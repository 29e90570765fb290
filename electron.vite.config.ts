import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
    build: {
      // Served over the network by `vigie serve` too: minified, it is about a third of the size.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
