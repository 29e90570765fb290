import { memo, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import { useApi } from '../api/api-context';
import { DeviceTile } from './device-tile';
import { columnsFor, ROW_HEIGHT, rowCount, TILE_GAP } from './tile-rows';
import { useRowRange, useWidth } from './use-row-range';
import classes from './virtual-tile-grid.module.css';

/**
 * A group's tiles for a large dashboard: rows of fixed height laid out by the grid's width; only the rows
 * near the window are mounted (and subscribed to their devices), so 2,000 devices cost a few dozen tiles
 * to draw and to update. Every other row is a slot of the same height holding a text index of its devices.
 *
 * Find-in-page: that index is one text node per row (names and hosts) in an element marked
 * `hidden="until-found"`. The browser does not lay it out or paint it, yet Ctrl+F searches it; on a match
 * the browser reveals it and scrolls it into view, the row then meets the window and its tiles replace the
 * index. One text node per row of 4–8 tiles, against some fifteen nodes per tile: the index adds a few
 * percent to the DOM, not a second copy of every tile.
 */
export const VirtualTileGrid = memo(function VirtualTileGrid({ ids }: { ids: string[] }): ReactNode {
  const grid = useRef<HTMLDivElement>(null);
  const width = useWidth(grid);
  const columns = width > 0 ? columnsFor(width, window.innerWidth) : 0;
  const rows = columns > 0 ? rowCount(ids.length, columns) : 0;
  const chunks = useMemo(() => {
    const out: string[][] = [];
    for (let r = 0; r < rows; r++) out.push(ids.slice(r * columns, (r + 1) * columns));
    return out;
  }, [ids, rows, columns]);
  const range = useRowRange(grid, rows);
  // The row holding focus and its neighbours stay mounted, whatever the scroll: a focus event is handled
  // before the next key press, so Tab (and Shift+Tab) always finds the next row there even when keys come
  // faster than scroll events, and the focused tile survives a scroll away.
  const [focusedRow, setFocusedRow] = useState<number | null>(null);
  const onFocus = (e: FocusEvent<HTMLDivElement>): void => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('[data-row]')?.dataset.row;
    setFocusedRow(row === undefined ? null : Number(row));
  };
  const onBlur = (e: FocusEvent<HTMLDivElement>): void => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocusedRow(null);
  };
  const columnStyle = { gridTemplateColumns: `repeat(${String(columns)}, minmax(0, 1fr))`, gap: TILE_GAP };

  return (
    <div
      ref={grid}
      className={classes.rows}
      style={{ gap: TILE_GAP }}
      onFocus={onFocus}
      onBlur={onBlur}
      data-virtual-rows={rows}
    >
      {chunks.map((chunk, r) => (
        <div key={r} className={classes.slot} style={{ height: ROW_HEIGHT }} data-row={r}>
          {(r >= range.first && r < range.end) ||
          (focusedRow !== null && Math.abs(r - focusedRow) <= FOCUS_NEIGHBOURS) ? (
            <div className={classes.row} style={columnStyle}>
              {chunk.map((id) => (
                <DeviceTile key={id} id={id} />
              ))}
            </div>
          ) : (
            <RowIndex ids={chunk} />
          )}
        </div>
      ))}
    </div>
  );
});

const FOCUS_NEIGHBOURS = 2;

/** Hidden text of one unmounted row, for find-in-page (see VirtualTileGrid). */
const RowIndex = memo(function RowIndex({ ids }: { ids: string[] }): ReactNode {
  const { devices } = useApi();
  const text = ids
    .map((id) => {
      const d = devices.get(id);
      return d ? `${d.name} ${d.host}` : '';
    })
    .join(' · ');
  return (
    <div ref={untilFound} className={classes.placeholder}>
      {text}
    </div>
  );
});

// React types `hidden` as a boolean; the attribute value that keeps the text searchable is set here.
function untilFound(el: HTMLDivElement | null): void {
  el?.setAttribute('hidden', 'until-found');
}
