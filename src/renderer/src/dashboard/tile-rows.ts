/**
 * Geometry of a virtualised group of tiles: rows of a fixed height, as many columns as the grid of a
 * small dashboard would make (`repeat(auto-fill, minmax(clamp(220px, 13vw, 340px), 1fr))`, gap 10 px),
 * so a dashboard looks the same whether it is virtualised or not. Pure, so it is tested without a DOM.
 */
export const TILE_GAP = 10;
/**
 * Every row has this height (tile + gap). 146 px is the usual tile; 158 px a two-line name with a
 * message; the few taller ones (two-line name and two-line message) lose the end of the message, never
 * the name. A fixed height is what lets a row's position be computed without mounting it.
 */
export const ROW_HEIGHT = 162;
export const ROW_PITCH = ROW_HEIGHT + TILE_GAP;
/** Rows mounted beyond each edge of the window: Tab and a quick scroll find tiles already there. */
export const OVERSCAN_PX = 2 * ROW_PITCH;

export function minTileWidth(viewportWidth: number): number {
  return Math.min(340, Math.max(220, 0.13 * viewportWidth));
}

export function columnsFor(gridWidth: number, viewportWidth: number): number {
  return Math.max(1, Math.floor((gridWidth + TILE_GAP) / (minTileWidth(viewportWidth) + TILE_GAP)));
}

export function rowCount(tiles: number, columns: number): number {
  return Math.ceil(tiles / columns);
}

/** Height of a group's grid: rows and the gaps between them. */
export function gridHeight(rows: number): number {
  return rows === 0 ? 0 : rows * ROW_PITCH - TILE_GAP;
}

export interface RowRange {
  /** First mounted row. */
  first: number;
  /** One past the last mounted row; equal to first when none is. */
  end: number;
}

export const NO_ROWS: RowRange = { first: 0, end: 0 };

/**
 * Rows of a grid whose top edge is at `top` (viewport coordinates, negative once scrolled past) that meet
 * the window widened by the overscan.
 */
export function visibleRows(
  top: number,
  rows: number,
  viewportHeight: number,
  overscan = OVERSCAN_PX,
): RowRange {
  const from = -top - overscan;
  const to = viewportHeight - top + overscan;
  const first = Math.max(0, Math.floor(from / ROW_PITCH));
  const end = Math.min(rows, Math.ceil(to / ROW_PITCH));
  return end <= first ? NO_ROWS : { first, end };
}

export function sameRange(a: RowRange, b: RowRange): boolean {
  return a.first === b.first && a.end === b.end;
}
