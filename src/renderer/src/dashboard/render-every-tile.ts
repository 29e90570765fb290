/**
 * Dashboards of up to this many tiles render every tile, as they always did: below it, mounting all is
 * cheaper than any bookkeeping and the page behaves exactly like a plain document.
 */
export const RENDER_ALL_UP_TO = 200;

/**
 * Test-only: the dashboard benchmark's baseline is this same build with every tile rendered. The flag is a
 * global that only a test's init script sets before the page loads: no setting, URL or UI reaches it.
 */
const benchRendersAll =
  (globalThis as { __VIGIE_BENCH_RENDER_ALL_TILES__?: unknown }).__VIGIE_BENCH_RENDER_ALL_TILES__ === true;

export function rendersEveryTile(tiles: number): boolean {
  return tiles <= RENDER_ALL_UP_TO || benchRendersAll;
}
