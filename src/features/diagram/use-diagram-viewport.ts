import { useEffect, useEffectEvent, useRef, type RefObject } from 'react';
import { useReactFlow, useStore } from '@xyflow/react';
import type { Selection } from '../../ui/selection.ts';
import type { DiagramNode } from './diagram-nodes.ts';
import type { SequenceLayout } from './layout.ts';

const FIT_PADDING = 0.04;
/** Below this zoom the labels stop being readable, so fitting stops shrinking and scrolls instead. */
const READABLE_ZOOM = 0.65;
const FIT_DURATION_MS = 250;

/**
 * Fits the diagram on first render and again, animated, whenever `fitKey` changes (exchanges
 * added, presenter mode switched). A diagram too tall to fit at a readable zoom is fitted to its
 * width instead: on first render scrolled to the current step (or the top), afterwards to the
 * newest arrow, which is where a running flow is.
 */
export function useReadableFit(layout: SequenceLayout, fitKey: string, currentStepTop: number | undefined): void {
  const flow = useReactFlow();
  const pane = usePaneSize();
  const fitted = useRef<string | null>(null);
  useEffect(() => {
    if (fitted.current === fitKey || pane.width === 0 || pane.height === 0) return;
    const first = fitted.current === null;
    fitted.current = fitKey;
    const duration = first ? 0 : FIT_DURATION_MS;
    const zoomToFitAll = Math.min(pane.width / layout.width, pane.height / layout.height) / (1 + 2 * FIT_PADDING);
    if (zoomToFitAll >= READABLE_ZOOM) {
      void flow.fitView({ padding: FIT_PADDING, maxZoom: 1, duration });
      return;
    }
    const zoom = clamp(pane.width / layout.width / (1 + 2 * FIT_PADDING), READABLE_ZOOM, 1);
    const halfView = pane.height / zoom / 2;
    const margin = 24 / zoom;
    const centreY = first ? (currentStepTop ?? 0) - margin + halfView : newestArrowBottom(layout) + margin - halfView;
    void flow.setCenter(layout.width / 2, clamp(centreY, halfView - margin, Math.max(halfView - margin, layout.height + margin - halfView)), {
      zoom,
      duration,
    });
  }, [fitKey, layout, currentStepTop, pane.width, pane.height, flow]);
}

function newestArrowBottom(layout: SequenceLayout): number {
  return layout.nodes.reduce((bottom, node) => (node.type === 'message' ? Math.max(bottom, node.position.y + (node.height ?? 0)) : bottom), 0);
}

/**
 * Scrolls the selected item into view (keeping the zoom) and, when the keyboard is in the diagram,
 * focuses it, so ArrowUp/ArrowDown walk the diagram like a list.
 */
export function useRevealSelection(selection: Selection, nodes: readonly DiagramNode[], container: RefObject<HTMLElement | null>): void {
  const flow = useReactFlow();
  const pane = usePaneSize();
  const key = selection ? `${selection.kind}:${selection.id}` : '';
  const latestKey = useRef(key);
  // Reads the nodes and the viewport as they are now, but runs only for a new selection (below).
  const reveal = useEffectEvent((revealed: string) => {
    latestKey.current = revealed;
    if (!selection) return;
    const node = nodes.find((candidate) => candidate.id === nodeIdFor(selection));
    const element = container.current;
    if (!node || !element || pane.height === 0) return;
    const focusIfKeyboard = () => {
      // A quicker key press may already have moved on; focus only what is still selected.
      if (latestKey.current !== revealed || !element.contains(document.activeElement)) return;
      // Ids come from servers and files (an imported id may hold `"`), so no selector is built from one.
      const testId = testIdFor(selection);
      [...element.querySelectorAll<HTMLElement>('[data-testid]')].find((candidate) => candidate.dataset.testid === testId)?.focus({ preventScroll: true });
    };
    const viewport = flow.getViewport();
    const top = node.position.y * viewport.zoom + viewport.y;
    // A step band can be taller than the pane; its header is what has to show.
    const bottom = top + Math.min(node.height ?? 0, REVEAL_HEIGHT) * viewport.zoom;
    const margin = 24;
    const dy = top < margin ? margin - top : bottom > pane.height - margin ? pane.height - margin - bottom : 0;
    if (dy === 0) {
      focusIfKeyboard();
      return;
    }
    void flow.setViewport({ ...viewport, y: viewport.y + dy }, { duration: REVEAL_DURATION_MS }).then(focusIfKeyboard);
  });
  // Only a new selection moves the view; a session update alone must not pull it back.
  useEffect(() => reveal(key), [key]);
}

const REVEAL_HEIGHT = 120;
const REVEAL_DURATION_MS = 150;

function nodeIdFor(selection: NonNullable<Selection>): string {
  return selection.kind === 'step' ? `step-${selection.id}` : `${selection.id}-req`;
}

function testIdFor(selection: NonNullable<Selection>): string {
  return selection.kind === 'step' ? `step-band-${selection.id}` : `message-${selection.id}-req`;
}

function usePaneSize() {
  const width = useStore((state) => state.width);
  const height = useStore((state) => state.height);
  return { width, height };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
