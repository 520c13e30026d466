import { useMemo } from 'react';
import { useStore } from '@xyflow/react';
import type { DiagramNode } from './diagram-nodes.ts';
import { nodeFocusKey, type FocusKey } from './focus-keys.ts';
import { nodesInRange, WINDOW_FROM_NODES, windowRange } from './visible-nodes.ts';

/**
 * Hands React Flow only the nodes near the view once a trace is large (1,000 exchanges are 2,000
 * arrows): the page stays small and panning cheap. The item holding the keyboard's tab stop is
 * always kept, so focus never falls out of the page.
 */
export function useWindowedNodes(nodes: DiagramNode[], keepKey: FocusKey | null): DiagramNode[] {
  const large = nodes.length > WINDOW_FROM_NODES;
  // A string, so the diagram re-renders once per screenful scrolled, not on every frame.
  const rangeKey = useStore((state) => {
    if (!large || state.height === 0) return '';
    const [, y, zoom] = state.transform;
    const range = windowRange(-y / zoom, state.height / zoom);
    return `${range.top} ${range.bottom}`;
  });
  return useMemo(() => {
    if (!large) return nodes;
    if (!rangeKey) return nodes.filter((node) => node.type === 'lifeline');
    const [top = 0, bottom = 0] = rangeKey.split(' ').map(Number);
    return nodesInRange(nodes, { top, bottom }, (node) => keepKey !== null && nodeFocusKey(node) === keepKey);
  }, [nodes, large, rangeKey, keepKey]);
}
