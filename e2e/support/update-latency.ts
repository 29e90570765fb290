import type { Locator } from '@playwright/test';

/**
 * Milliseconds, measured inside the page, from the fake core's event reaching the page to `target` showing
 * `text`: the renderer's own cost of one live update, without Playwright's polling in the measure.
 */
export async function updateLatency(target: Locator, text: string, emit: () => void): Promise<number> {
  const armed = target.evaluate(
    (el, expected) =>
      new Promise<number>((resolve) => {
        const node = el as unknown as { textContent: string | null };
        const g = globalThis as unknown as {
          MutationObserver: new (cb: () => void) => {
            observe(n: unknown, o: object): void;
            disconnect(): void;
          };
          performance: { now(): number };
          __vigieFakeEmitAt?: number;
        };
        const obs = new g.MutationObserver(() => {
          if (node.textContent === expected) {
            obs.disconnect();
            resolve(g.performance.now() - (g.__vigieFakeEmitAt ?? 0));
          }
        });
        obs.observe(el, { characterData: true, childList: true, subtree: true });
      }),
    text,
  );
  // Let the observer be installed before the event is sent.
  await target.evaluate(() => undefined);
  emit();
  return armed;
}
