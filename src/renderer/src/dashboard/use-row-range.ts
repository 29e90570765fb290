import { useLayoutEffect, useState, type RefObject } from 'react';
import { NO_ROWS, sameRange, visibleRows, type RowRange } from './tile-rows';

/**
 * The rows of a grid that meet the window (plus overscan), followed as the window scrolls or resizes and as
 * the page above the grid grows or shrinks (a banner dismissed, a group above reflowed). Computed before
 * the first paint, so the first frame already shows the tiles on screen. The page scrolls as a whole
 * (no inner scroll box), which keeps find-in-page, Page Down and Tab working as in any document.
 */
export function useRowRange(grid: RefObject<HTMLElement | null>, rows: number): RowRange {
  const [range, setRange] = useState<RowRange>(NO_ROWS);
  useLayoutEffect(() => {
    const update = (): void => {
      const el = grid.current;
      if (!el) return;
      const next = visibleRows(el.getBoundingClientRect().top, rows, window.innerHeight);
      setRange((prev) => (sameRange(prev, next) ? prev : next));
    };
    update();
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    const observer = new ResizeObserver(update);
    observer.observe(document.body);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
      observer.disconnect();
    };
  }, [grid, rows]);
  return range;
}

/** The width of an element, read before the first paint and followed with a ResizeObserver. */
export function useWidth(el: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const node = el.current;
    if (!node) return;
    // Measuring layout before the first paint is what a layout effect is for: the tiles' first frame
    // already has its columns instead of flashing an empty grid.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setWidth(node.clientWidth);
    const observer = new ResizeObserver(() => setWidth(node.clientWidth));
    observer.observe(node);
    return () => observer.disconnect();
  }, [el]);
  return width;
}
