import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dynamicEntryKey, entryKey, MANIFEST_FILE, readRendererBuild, staticLoad } from '../../../bench/bundle-graph';
import { CHUNK_MODULES_FILE } from '../../../scripts/chunk-modules-plugin';
import { RENDERER_DIR } from '../../../e2e/support/paths';
import { missingPeer } from '../../helpers/peer';

/**
 * Issue 18 item 6 on the real build (out/renderer, built before the integration tests): the dashboard's
 * first load holds the shell and the dashboard, and every other page, with the libraries only it uses,
 * arrives when it is opened. Fails when a static import brings a page back into the first load.
 */
const PAGES = [
  'devices/devices-page.tsx',
  'device/device-page.tsx',
  'alerts/alerts-page.tsx',
  'rules/rules-page.tsx',
  'maintenance/maintenance-page.tsx',
  'events/events-page.tsx',
  'reports/reports-page.tsx',
  'settings/settings-page.tsx',
];
// Libraries that only a page draws with: uPlot (device charts), croner (report schedules).
const PAGE_LIBRARIES = ['npm:uplot', 'npm:croner'];

const missing = [MANIFEST_FILE, CHUNK_MODULES_FILE].filter((f) => !existsSync(join(RENDERER_DIR, f)));
const why = missing.length ? `no ${missing.join(', ')} in out/renderer: run \`npx electron-vite build\`` : null;

describe.skipIf(missingPeer('built renderer (out/renderer)', why))('renderer bundle split by page', () => {
  const build = why ? null : readRendererBuild(RENDERER_DIR);
  const first = build ? staticLoad(build, entryKey(build.manifest)) : { files: [], modules: [] };

  it('the first load holds the shell and the dashboard', () => {
    expect(first.modules).toContain('src/renderer/src/app/shell.tsx');
    expect(first.modules).toContain('src/renderer/src/dashboard/dashboard-page.tsx');
    expect(first.modules).toContain('npm:react-dom');
  });

  it.each(PAGES)('%s is its own lazily loaded chunk, outside the first load', (page) => {
    const key = build ? dynamicEntryKey(build.manifest, `src/${page}`) : null;
    expect(key, `${page} must be loaded with import() (app/lazy-pages.ts)`).not.toBeNull();
    expect(first.modules).not.toContain(`src/renderer/src/${page}`);
    const own = build?.manifest[key ?? '']?.file;
    expect(own && first.files.includes(own)).toBe(false);
  });

  it("a page's libraries and the chart code stay out of the first load", () => {
    for (const lib of PAGE_LIBRARIES) expect(first.modules).not.toContain(lib);
    expect(first.modules.filter((m) => m.startsWith('src/renderer/src/device/chart/'))).toEqual([]);
    // And uPlot is really in the build, with the device page: the check above cannot pass by its absence.
    const devicePage = build ? staticLoad(build, dynamicEntryKey(build.manifest, 'src/device/device-page.tsx') ?? '') : null;
    expect(devicePage?.modules).toContain('npm:uplot');
  });
});
