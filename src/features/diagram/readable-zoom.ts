/**
 * The diagram reads like a document: it is fitted to the pane's width and scrolls vertically. The
 * zoom never drops below the one that keeps arrow labels at `minLabelPx` on screen; a pane too
 * narrow for that scrolls sideways instead of shrinking the text.
 */
export interface ReadableZoomInput {
  paneWidth: number;
  layoutWidth: number;
  /** The diagram's font size in CSS px at zoom 1. */
  fontPx: number;
  /** The smallest label size allowed on screen, in CSS px. */
  minLabelPx: number;
}

/** Arrow labels are drawn at 1.05em (MessageNode). */
export const LABEL_EM = 1.05;
export const MAX_ZOOM = 1.25;
/** Screen pixels kept free on each side of a fitted diagram. */
export const FIT_MARGIN_PX = 12;

export function readableZoom({ paneWidth, layoutWidth, fontPx, minLabelPx }: ReadableZoomInput): number {
  // A hair over the minimum, so rounding never lands at 10.9999 px.
  const readable = (minLabelPx * 1.001) / (fontPx * LABEL_EM);
  const fitted = (paneWidth - 2 * FIT_MARGIN_PX) / layoutWidth;
  return Math.min(MAX_ZOOM, Math.max(readable, fitted));
}

/** The horizontal offset that centres the diagram, or keeps its left edge in view when it is wider than the pane. */
export function fittedX(paneWidth: number, layoutWidth: number, zoom: number): number {
  return Math.max(FIT_MARGIN_PX, (paneWidth - layoutWidth * zoom) / 2);
}
