import type { DiagramNode } from './diagram-nodes.ts';

/**
 * A trace this small is drawn whole: every item stays in the page (find-in-page works, nothing
 * pops in while scrolling). Above it only the nodes near the view are handed to React Flow.
 */
export const WINDOW_FROM_NODES = 300;

/** The band of the diagram (diagram units) worth drawing. */
export interface VerticalRange {
  top: number;
  bottom: number;
}

/**
 * The view's vertical extent widened by two view-heights on each side and snapped to a grid of two
 * view-heights, so scrolling re-windows once per two screenfuls, never on every frame.
 */
export function windowRange(viewTop: number, viewHeight: number): VerticalRange {
  const step = 2 * Math.max(1, viewHeight);
  const start = Math.floor(viewTop / step) - 1;
  return { top: start * step, bottom: (start + 3) * step };
}

/** The nodes that overlap `range`, plus any `keep` asks for (the item holding keyboard focus). */
export function nodesInRange(nodes: readonly DiagramNode[], range: VerticalRange, keep: (node: DiagramNode) => boolean): DiagramNode[] {
  return nodes.filter((node) => (node.position.y < range.bottom && node.position.y + (node.height ?? 0) > range.top) || keep(node));
}
