import { test as base, expect, type Page } from '@playwright/test';
import { FakeCore, type FakeOptions } from './fake/fake-core';
import { installFake } from './fake/install-fake';
import { RENDERER_DIR } from './support/paths';
import { startStaticServer, type StaticServer } from './support/static-server';
import { requirePeer } from './support/peer';
import { serveAvailable, startVigieServer, type VigieServer } from './support/vigie-server';

export interface FakeConsole {
  core: FakeCore;
  /** Opens the console at a hash route (#/devices…) and waits for the shell. */
  open: (route?: string) => Promise<void>;
}

interface Fixtures {
  /** A real `vigie serve` with a fresh data folder, stopped after the test. */
  vigie: VigieServer;
  /** Starts the built renderer on a fake core (no server): `await fake({ extraDevices: 2000 })`. */
  fake: (options?: FakeOptions) => Promise<FakeConsole>;
  /** Fails the test if the page opens a dialog (alert from injected markup) or logs an uncaught error. */
  guardPage: void;
}

interface WorkerFixtures {
  staticRenderer: StaticServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  staticRenderer: [
    // Playwright reads a fixture's dependencies from its destructuring pattern: the empty one is required.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startStaticServer(RENDERER_DIR);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // eslint-disable-next-line no-empty-pattern
  vigie: async ({}, use, testInfo) => {
    const available = serveAvailable();
    requirePeer('vigie serve (built console)', available.ok ? null : available.why);
    const server = await startVigieServer();
    await use(server);
    if (testInfo.status !== testInfo.expectedStatus)
      await testInfo.attach('serve output', { body: server.output() });
    await server.stop();
  },
  fake: async ({ page, staticRenderer }, use) => {
    await use(async (options = {}) => {
      const core = new FakeCore(options);
      await installFake(page, core);
      return {
        core,
        async open(route = '#/') {
          await page.goto(`${staticRenderer.url}/${route}`);
          await expect(page.getByRole('navigation', { name: /navigation/i })).toBeVisible();
        },
      };
    });
  },
  guardPage: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('dialog', (d) => {
        problems.push(`dialog opened: ${d.message()}`);
        void d.dismiss();
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      await use();
      expect(problems, 'the page must not run injected script or throw').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
export type { Page };
