import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { PdfUnavailableError, type PdfRenderer } from './pdf';

/** Environment variable naming the Chromium/Chrome executable, when it is not in a usual place. */
export const CHROMIUM_ENV = 'VIGIE_CHROMIUM';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge'];
const FIXED = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/**
 * Flags for a headless Chromium (printing here; every browser test launches with them too): no sandbox
 * (root in containers), and nothing that reaches for Google's hosts, which closed networks refuse after a
 * long wait.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** The browser to print with: the option, else the environment variable, else the first usual path found. */
export function findChromium(
  explicit: string | null = null,
  env: NodeJS.ProcessEnv = process.env,
  fixed: readonly string[] = FIXED,
): string {
  const named = explicit ?? env[CHROMIUM_ENV] ?? null;
  if (named) {
    if (!existsSync(named))
      throw new PdfUnavailableError(
        `no browser at ${named} (from ${explicit ? '--chromium' : CHROMIUM_ENV}): name the Chromium or Chrome executable`,
      );
    return named;
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [...fixed, ...dirs.flatMap((d) => NAMES.map((n) => join(d, n)))];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new PdfUnavailableError(
      `PDF needs Chromium or Chrome and none was found (tried ${NAMES.join(', ')} in PATH and the usual folders); install one (Debian: apt-get install chromium) or set ${CHROMIUM_ENV}=/path/to/chrome`,
    );
  }
  return found;
}

/**
 * Prints with a headless system Chromium through playwright-core: a browser per call (a report a day does
 * not justify a resident browser), scripts off and every request refused, so the page can only show itself.
 */
export function chromiumPdf(
  options: { executablePath?: string | null; timeoutMs?: number } = {},
): PdfRenderer {
  return {
    async render(html, signal) {
      const executablePath = findChromium(options.executablePath ?? null);
      const timeout = options.timeoutMs ?? 60_000;
      // Loaded on first use: the desktop shell prints with Electron and never needs it.
      const { chromium } = await import('playwright-core');
      const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout });
      const onAbort = (): void => void browser.close().catch(() => undefined);
      signal?.addEventListener('abort', onAbort, { once: true });
      try {
        const context = await browser.newContext({ javaScriptEnabled: false });
        await context.route('**/*', (route) => route.abort());
        const page = await context.newPage();
        await page.setContent(html, { waitUntil: 'load', timeout });
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' },
        });
        return new Uint8Array(pdf);
      } finally {
        signal?.removeEventListener('abort', onAbort);
        await browser.close().catch(() => undefined);
      }
    },
  };
}
