import { useViewport } from '@xyflow/react';
import type { DiagramNode, LaneHeaderDiagramNode } from './diagram-nodes.ts';

/**
 * Once the lane headers scroll out of view, a slim copy stays pinned to the top of the canvas,
 * aligned with the lifelines, so a reader deep in a long flow still knows which lane is which.
 */
export function StickyLaneHeaders({ nodes }: { nodes: DiagramNode[] }) {
  const { x, y, zoom } = useViewport();
  const headers = nodes.filter((node): node is LaneHeaderDiagramNode => node.type === 'laneHeader');
  const bottom = Math.max(...headers.map((node) => node.position.y + (node.height ?? 0)));
  if (!headers.length || bottom * zoom + y > 0) return null;
  return (
    <div className="pointer-events-none absolute inset-x-0 top-0 z-10 h-7 bg-slate-800/90 shadow" data-testid="sticky-lane-headers" aria-hidden="true">
      {headers.map((node) => (
        <div
          key={node.id}
          className="absolute top-0 flex h-7 items-center justify-center truncate px-1 text-xs font-semibold text-white"
          style={{ left: node.position.x * zoom + x, width: (node.width ?? 0) * zoom }}
        >
          {node.data.title}
        </div>
      ))}
    </div>
  );
}
