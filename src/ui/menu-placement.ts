/** Where a panel opened under a button goes so that all of it stays on screen. */
export interface MenuPlacement {
  left: number;
  top: number;
  maxHeight: number;
}

/** Room kept between a panel and the viewport's edges, in CSS pixels. */
export const MENU_MARGIN = 8;

/**
 * Right-aligned under its button (the header's buttons sit at the right), shifted left or right
 * just enough to stay inside the viewport, and no taller than the room below the button.
 */
export function menuPlacement(
  anchor: { left: number; right: number; bottom: number },
  panelWidth: number,
  viewport: { width: number; height: number },
): MenuPlacement {
  const width = Math.min(panelWidth, viewport.width - 2 * MENU_MARGIN);
  const preferred = anchor.right - width;
  const left = Math.max(MENU_MARGIN, Math.min(preferred, viewport.width - MENU_MARGIN - width));
  const top = anchor.bottom + 4;
  return { left, top, maxHeight: Math.max(120, viewport.height - top - MENU_MARGIN) };
}
