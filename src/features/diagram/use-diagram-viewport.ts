import { useCallback, useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { DiagramNode } from './diagram-nodes.ts';
import type { SequenceLayout } from './layout.ts';
import { FIT_MARGIN_PX, fittedX, readableZoom } from './readable-zoom.ts';

/** Screen pixels kept between a revealed item and the pane's edge. */
const REVEAL_MARGIN_PX = 16;
const REVEAL_DURATION_MS = 120;

export interface Typography {
  /** The diagram's font size in CSS px at zoom 1. */
  fontPx: number;
  /** The smallest arrow label allowed on screen (11 px; 16 px on a projector). */
  minLabelPx: number;
}

export interface DiagramView {
  /** Back to the reading zoom: the diagram's width fitted to the pane, the same part of it in view. */
  fitWidth(): void;
  zoomBy(factor: number): void;
  /** Scrolls, without zooming, until the node shows whole (or its top, when taller than the pane). */
  reveal(nodeId: string): Promise<void>;
  /** Scrolls so diagram y `centreY` is in the middle of the pane. */
  scrollTo(centreY: number): void;
}

/**
 * The view reads like a document: fitted to the width at a readable zoom, scrolled vertically.
 * The zoom is set once per pane width (and typography), so it stays steady while a flow runs step
 * by step; new arrows and selections only scroll.
 */
export function useDiagramView(layout: SequenceLayout, typography: Typography): DiagramView {
  const flow = useReactFlow();
  const pane = usePaneSize();
  const nodeById = useMemo(() => new Map(layout.nodes.map((node) => [node.id, node])), [layout.nodes]);

  const fitWidth = useCallback(() => {
    if (pane.width === 0 || pane.height === 0) return;
    const current = flow.getViewport();
    const zoom = readableZoom({ paneWidth: pane.width, layoutWidth: layout.width, ...typography });
    // The diagram y at the top of the pane stays at the top, so the reader keeps their place.
    const topY = Math.max(0, (FIT_MARGIN_PX - current.y) / current.zoom);
    void flow.setViewport({ x: fittedX(pane.width, layout.width, zoom), y: FIT_MARGIN_PX - topY * zoom, zoom });
  }, [flow, pane.width, pane.height, layout.width, typography]);

  const reveal = useCallback(
    async (nodeId: string) => {
      const node = nodeById.get(nodeId);
      if (!node || pane.height === 0) return;
      const viewport = flow.getViewport();
      const top = node.position.y * viewport.zoom + viewport.y;
      const visibleHeight = Math.min((node.height ?? 0) * viewport.zoom, pane.height - 2 * REVEAL_MARGIN_PX);
      const bottom = top + visibleHeight;
      const dy = top < REVEAL_MARGIN_PX ? REVEAL_MARGIN_PX - top : bottom > pane.height - REVEAL_MARGIN_PX ? pane.height - REVEAL_MARGIN_PX - bottom : 0;
      if (dy !== 0) await flow.setViewport({ ...viewport, y: viewport.y + dy }, { duration: REVEAL_DURATION_MS });
    },
    [flow, nodeById, pane.height],
  );

  const zoomBy = useCallback((factor: number) => void flow.zoomTo(flow.getZoom() * factor), [flow]);

  const scrollTo = useCallback(
    (centreY: number) => {
      const viewport = flow.getViewport();
      void flow.setViewport({ ...viewport, y: pane.height / 2 - centreY * viewport.zoom });
    },
    [flow, pane.height],
  );

  // The reading zoom, first thing and whenever the pane's width or the type size changes.
  const fittedFor = useRef('');
  useEffect(() => {
    const key = `${pane.width} ${typography.fontPx} ${typography.minLabelPx}`;
    if (pane.width === 0 || fittedFor.current === key) return;
    fittedFor.current = key;
    fitWidth();
  }, [pane.width, typography, fitWidth]);

  useFollowNewArrows(layout.nodes, pane.height);

  return useMemo(() => ({ fitWidth, zoomBy, reveal, scrollTo }), [fitWidth, zoomBy, reveal, scrollTo]);
}

/**
 * A live run draws its new arrows where the reader can see them: when an arrow arrives below the
 * view, the view scrolls (at once, no animation: the arrow must show the moment it exists).
 */
function useFollowNewArrows(nodes: readonly DiagramNode[], paneHeight: number) {
  const flow = useReactFlow();
  const arrows = useMemo(() => nodes.filter((node) => node.type === 'message'), [nodes]);
  const seen = useRef<number | null>(null);
  const follow = useEffectEvent((count: number) => {
    const before = seen.current;
    seen.current = count;
    if (before === null || count <= before || paneHeight === 0) return;
    const newest = arrows.at(-1);
    if (!newest) return;
    const viewport = flow.getViewport();
    const bottom = (newest.position.y + (newest.height ?? 0)) * viewport.zoom + viewport.y;
    if (bottom > paneHeight - REVEAL_MARGIN_PX) void flow.setViewport({ ...viewport, y: viewport.y - (bottom - paneHeight + REVEAL_MARGIN_PX) });
  });
  useEffect(() => follow(arrows.length), [arrows.length]);
}

export function usePaneSize() {
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  return { width, height };
}
