import { useMemo, useRef } from 'react';
import type { Selection } from '../../ui/selection.ts';
import type { DiagramNode } from './diagram-nodes.ts';

/**
 * Keeps the previous object for every node whose content did not change. The layout is rebuilt on
 * each session update; with stable objects React Flow and the memo'd nodes re-render only what moved.
 */
export function useStableNodes(nodes: DiagramNode[]): DiagramNode[] {
  const cache = useRef(new Map<string, { signature: string; node: DiagramNode }>());
  return useMemo(() => {
    const next = new Map<string, { signature: string; node: DiagramNode }>();
    const stable = nodes.map((node) => {
      const signature = JSON.stringify(node);
      const cached = cache.current.get(node.id);
      const kept = cached?.signature === signature ? cached.node : node;
      next.set(node.id, { signature, node: kept });
      return kept;
    });
    cache.current = next;
    return stable;
  }, [nodes]);
}

/**
 * Marks the nodes of the selection; an exchange selects both its arrows. The mark goes in the
 * node's data, not React Flow's `selected`: React Flow lifts a selected node above the others, and
 * a selected step's frame would then cover its own arrows.
 */
export function withSelection(nodes: DiagramNode[], selection: Selection): DiagramNode[] {
  return nodes.map((node) => {
    if (node.type !== 'stepBand' && node.type !== 'message') return node;
    const picked = isSelected(node, selection);
    return node.data.picked === picked ? node : ({ ...node, data: { ...node.data, picked } } as DiagramNode);
  });
}

function isSelected(node: DiagramNode, selection: Selection): boolean {
  if (!selection) return false;
  if (selection.kind === 'step') return node.type === 'stepBand' && node.data.stepId === selection.id;
  return node.type === 'message' && node.data.exchangeId === selection.id;
}
