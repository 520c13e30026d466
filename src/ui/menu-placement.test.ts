import { describe, expect, it } from 'vitest';
import { menuPlacement } from './menu-placement.ts';

const viewport = { width: 1280, height: 720 };

describe('menuPlacement', () => {
  it('right-aligns under the button when there is room', () => {
    expect(menuPlacement({ left: 900, right: 1000, bottom: 40 }, 400, viewport)).toEqual({ left: 600, top: 44, maxHeight: 668 });
  });

  it('moves right rather than open off the left edge (a button near the left, a wide panel)', () => {
    expect(menuPlacement({ left: 10, right: 100, bottom: 40 }, 576, viewport).left).toBe(8);
  });

  it('moves left rather than open off the right edge', () => {
    expect(menuPlacement({ left: 1200, right: 1400, bottom: 40 }, 416, viewport).left).toBe(1280 - 8 - 416);
  });

  it('never wider than the viewport, and never taller than the room below the button', () => {
    const placed = menuPlacement({ left: 0, right: 300, bottom: 600 }, 900, { width: 390, height: 700 });
    expect(placed.left).toBe(8);
    expect(placed.maxHeight).toBe(120);
  });
});
