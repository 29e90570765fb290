import { describe, expect, it } from 'vitest';
import { columnsFor, gridHeight, NO_ROWS, ROW_PITCH, rowCount, visibleRows } from './tile-rows';

describe('tile rows', () => {
  it('makes as many columns as the auto-fill grid of a small dashboard', () => {
    // 1400 px window: 13vw = 182 → 220 px tiles; a 1000 px grid holds 4 (4 × 220 + 3 × 10 = 910).
    expect(columnsFor(1000, 1400)).toBe(4);
    expect(columnsFor(909, 1400)).toBe(3);
    // 2560 px window: 13vw = 332.8 px tiles; 2000 px hold 5.
    expect(columnsFor(2000, 2560)).toBe(5);
    // Narrower than one tile: still one column.
    expect(columnsFor(150, 400)).toBe(1);
    expect(rowCount(2000, 6)).toBe(334);
    expect(gridHeight(0)).toBe(0);
    expect(gridHeight(2)).toBe(2 * ROW_PITCH - 10);
  });

  it('mounts the rows that meet the window and its overscan, none for a group far away', () => {
    // A grid starting at the top of a 900 px window: rows 0..5 meet it, plus two rows of overscan.
    expect(visibleRows(0, 100, 900)).toEqual({ first: 0, end: Math.ceil((900 + 2 * ROW_PITCH) / ROW_PITCH) });
    // Scrolled 50 rows down.
    const r = visibleRows(-50 * ROW_PITCH, 100, 900, 0);
    expect(r.first).toBe(50);
    expect(r.end).toBe(50 + Math.ceil(900 / ROW_PITCH));
    // Far below or far above the window.
    expect(visibleRows(5000, 100, 900)).toEqual(NO_ROWS);
    expect(visibleRows(-100 * ROW_PITCH - 5000, 100, 900)).toEqual(NO_ROWS);
    // Never past the last row.
    expect(visibleRows(-95 * ROW_PITCH, 100, 900).end).toBe(100);
  });
});
