import type { Page } from '@playwright/test';
import type { FakeCore } from './fake-core';

/**
 * Gives the page a `window.vigie` (what Electron's preload exposes) whose calls are answered in the test
 * process by the fake core, and forwards the core's events into the page. The renderer takes it for the
 * desktop bridge; nothing in the app knows it is a fake.
 */
export async function installFake(page: Page, core: FakeCore): Promise<void> {
  await page.exposeBinding('__vigieFakeInvoke', (_source, channel: string, payload: unknown) =>
    core.invoke(channel, payload),
  );
  await page.addInitScript(`(() => {
    const listeners = new Map();
    Object.defineProperty(window, '__vigieFakeEmit', {
      value: (event, payload) => {
        window.__vigieFakeEmitAt = performance.now();
        for (const l of listeners.get(event) || []) l(payload);
      },
      writable: false,
    });
    Object.defineProperty(window, 'vigie', {
      value: Object.freeze({
        invoke: (channel, payload) => window.__vigieFakeInvoke(channel, payload),
        on: (event, listener) => {
          let set = listeners.get(event);
          if (!set) listeners.set(event, (set = new Set()));
          set.add(listener);
          return () => set.delete(listener);
        },
      }),
    });
  })();`);
  core.subscribe((event, payload) => {
    if (page.isClosed()) return;
    page
      .evaluate(
        ([e, p]) =>
          (globalThis as unknown as { __vigieFakeEmit(e: unknown, p: unknown): void }).__vigieFakeEmit(e, p),
        [event, payload] as const,
      )
      .catch(() => undefined);
  });
}
