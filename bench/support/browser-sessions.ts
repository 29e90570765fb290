import { chromium, type Browser, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export interface BrowserSessions {
  /** WebSocket frames each session received so far (live updates reaching the dashboard). */
  framesReceived(): number[];
  /** Main-thread JS heap of each page, MB (Chromium's own figure, for the notes). */
  heapsMb(): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * `count` signed-in users of one `serve`, each in its own browser context (own cookie, own session, own
 * WebSocket), left on the dashboard the sign-in lands on. One Chromium process holds them all: the figure
 * under test is the server's, and five browsers would only crowd the two cores.
 */
export async function openSessions(url: string, password: string, count: number, timeoutMs = 300_000): Promise<BrowserSessions> {
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const frames: number[] = new Array<number>(count).fill(0);
  const pages: Page[] = [];
  try {
    // In parallel: on a loaded machine, five sign-ins one after the other would eat the soak's set-up time.
    const opened = await Promise.all(
      Array.from({ length: count }, async (_, i) => {
        const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
        const page = await context.newPage();
        page.setDefaultTimeout(timeoutMs);
        page.on('websocket', (ws) => ws.on('framereceived', () => (frames[i] = (frames[i] ?? 0) + 1)));
        await page.goto(url);
        await page.waitForURL(/\/login/);
        await page.getByLabel('Password').fill(password);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ state: 'visible' });
        return page;
      }),
    );
    pages.push(...opened);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return {
    framesReceived: () => [...frames],
    async heapsMb() {
      return Promise.all(
        pages.map((p) => p.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0).then((b) => b / 2 ** 20).catch(() => Number.NaN)),
      );
    },
    close: () => browser.close(),
  };
}
