/**
 * Debian's Chromium, as Playwright launches it in every browser test (never a downloaded browser). The
 * flags keep it from reaching for Google's hosts, which this machine's closed network refuses.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};
