import { describe, expect, it } from 'vitest';
import { moduleName } from '../scripts/chunk-modules-plugin';
import { dynamicEntryKey, entryKey, staticLoad, type RendererBuild } from './bundle-graph';

// A build shaped like the renderer's: an entry with a shared vendor chunk, a lazy page that imports the
// vendor chunk too and a library chunk of its own.
const build: RendererBuild = {
  manifest: {
    'index.html': {
      file: 'assets/index-a.js',
      src: 'index.html',
      isEntry: true,
      imports: ['_vendor-b.js'],
      dynamicImports: ['src/device/device-page.tsx'],
      css: ['assets/index-c.css'],
    },
    '_vendor-b.js': { file: 'assets/vendor-b.js' },
    'src/device/device-page.tsx': {
      file: 'assets/device-page-d.js',
      src: 'src/device/device-page.tsx',
      isDynamicEntry: true,
      imports: ['_vendor-b.js', '_uplot-e.js', 'index.html'],
      css: ['assets/device-page-f.css'],
    },
    '_uplot-e.js': { file: 'assets/uplot-e.js' },
  },
  chunkModules: {
    'assets/index-a.js': ['src/renderer/src/main.tsx', 'src/renderer/src/dashboard/dashboard-page.tsx'],
    'assets/vendor-b.js': ['npm:react', 'npm:react-dom'],
    'assets/device-page-d.js': ['src/renderer/src/device/device-page.tsx'],
    'assets/uplot-e.js': ['npm:uplot'],
  },
};

describe('renderer chunk graph', () => {
  it('follows static imports only: a lazy page and its libraries stay out of the entry load', () => {
    const first = staticLoad(build, entryKey(build.manifest));
    expect(first.files).toEqual(['assets/index-a.js', 'assets/index-c.css', 'assets/vendor-b.js']);
    expect(first.modules).toContain('npm:react-dom');
    expect(first.modules).not.toContain('npm:uplot');
  });
  it('finds a lazy page by its source and loads what it needs, once each', () => {
    const key = dynamicEntryKey(build.manifest, 'src/device/device-page.tsx');
    expect(key).toBe('src/device/device-page.tsx');
    const page = staticLoad(build, key ?? '');
    expect(page.files).toEqual([
      'assets/device-page-d.js',
      'assets/device-page-f.css',
      'assets/index-a.js',
      'assets/index-c.css',
      'assets/uplot-e.js',
      'assets/vendor-b.js',
    ]);
    expect(dynamicEntryKey(build.manifest, 'src/nope.tsx')).toBeNull();
  });
  it('names modules by package or by path from the root', () => {
    expect(moduleName('/repo/node_modules/@mantine/core/esm/components/Button.mjs', '/repo')).toBe('npm:@mantine/core');
    expect(moduleName('/repo/node_modules/.pnpm/x/node_modules/uplot/dist/uPlot.esm.js', '/repo')).toBe('npm:uplot');
    expect(moduleName('/repo/src/renderer/src/app/app.tsx?used', '/repo')).toBe('src/renderer/src/app/app.tsx');
    expect(moduleName('\0vite/preload-helper.js', '/repo')).toBe('vite/preload-helper.js');
  });
});
