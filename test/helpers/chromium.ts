import { CHROMIUM_ARGS } from '../../src/main/core/report/render/chromium-pdf';

/**
 * Debian's Chromium, as Playwright launches it in every browser test (never a downloaded browser), with
 * the flags the product prints PDFs with.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [...CHROMIUM_ARGS],
};
