import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { Background, ReactFlow, ReactFlowProvider, useStore, type CoordinateExtent } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { FlowSession } from '../../engine/model/session.ts';
import { stepTitle } from '../../engine/steps/step-title.ts';
import type { Selection } from '../../ui/selection.ts';
import { classNames } from './class-names.ts';
import { describeProgress } from './current-step.ts';
import { DiagramActionsContext, RovingKeyContext } from './diagram-actions.ts';
import type { StepBandDiagramNode } from './diagram-nodes.ts';
import { DiagramToolbar } from './DiagramToolbar.tsx';
import { nodeIdOf } from './focus-keys.ts';
import { LaneHeaderStrip } from './LaneHeaderStrip.tsx';
import { DEFAULT_FONT_PX, DEFAULT_LANE_SPACING, DEFAULT_ROW_HEIGHT, layoutSequence, type SequenceLayoutOptions } from './layout.ts';
import { nodeTypes } from './node-types.ts';
import { selectionOrder } from './selection-order.ts';
import { StepRail } from './StepRail.tsx';
import { useDiagramView, usePaneSize, type Typography } from './use-diagram-viewport.ts';
import { useRovingFocus } from './use-roving-focus.ts';
import { useStableNodes, withSelection } from './use-stable-nodes.ts';
import { useWindowedNodes } from './use-windowed-nodes.ts';

export interface SequenceDiagramProps {
  session: FlowSession;
  selection: Selection;
  onSelect(selection: Selection): void;
  /** Large type for a projector (the session comes already masked: src/app/use-shown-session.ts). */
  presenter?: boolean;
}

/** Labels stay at 11 px or more on screen; on a projector at 16 px or more. */
const NORMAL: { layout: SequenceLayoutOptions; type: Typography } = {
  layout: { fontPx: DEFAULT_FONT_PX },
  type: { fontPx: DEFAULT_FONT_PX, minLabelPx: 11 },
};
const PRESENTER: typeof NORMAL = {
  layout: { laneSpacing: DEFAULT_LANE_SPACING, rowHeight: Math.round(DEFAULT_ROW_HEIGHT * 1.4), fontPx: 22 },
  type: { fontPx: 22, minLabelPx: 16 },
};

/** Room to scroll past either end of the diagram, in screen pixels. */
const OVERSCROLL_PX = 48;

export function SequenceDiagram(props: SequenceDiagramProps) {
  return (
    // The store is created here, so its z-index mode must be set here too, before the first nodes arrive.
    <ReactFlowProvider zIndexMode="manual">
      <SequenceDiagramFlow {...props} />
    </ReactFlowProvider>
  );
}

function SequenceDiagramFlow({ session, selection, onSelect, presenter = false }: SequenceDiagramProps) {
  const container = useRef<HTMLDivElement>(null);
  const sizing = presenter ? PRESENTER : NORMAL;
  const layout = useMemo(() => layoutSequence(session, sizing.layout), [session, sizing]);
  const stableNodes = useStableNodes(layout.nodes);
  const view = useDiagramView(layout, sizing.type);
  const order = useMemo(() => selectionOrder(session), [session]);
  const roving = useRovingFocus(order, selection, view.reveal, container);
  const shown = useWindowedNodes(stableNodes, roving.rovingKey);
  const nodes = useMemo(() => withSelection(shown, selection), [shown, selection]);
  const bands = useMemo(() => layout.nodes.filter((node): node is StepBandDiagramNode => node.type === 'stepBand'), [layout.nodes]);
  const pane = usePaneSize();
  const zoom = useStore((state) => state.transform[2]);

  // A stable context value: a parent passing a new onSelect each render must not re-render every node.
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  const { onFocused } = roving;
  const actions = useMemo(() => ({ select: (next: Selection) => onSelectRef.current(next), focused: onFocused }), [onFocused]);

  // Only a new selection moves the view (the failed step after a run, a row picked in the table);
  // a session update alone must not pull it back.
  const selectionKey = selection ? `${selection.kind}:${selection.id}` : '';
  const revealSelection = useEffectEvent(() => {
    if (selection) void view.reveal(nodeIdOf(selection));
  });
  useEffect(() => revealSelection(), [selectionKey]);

  const goToStep = (stepId: string) => {
    onSelect({ kind: 'step', id: stepId });
    void view.reveal(`step-${stepId}`);
  };

  // Scrolling stops a little past the diagram's ends, as a document's does.
  // A new array would make React Flow re-constrain the view on every render.
  const extent = useMemo((): CoordinateExtent => {
    const margin = OVERSCROLL_PX / zoom;
    return [
      [-margin, -margin],
      [Math.max(layout.width, pane.width / zoom - margin) + margin, Math.max(layout.height, pane.height / zoom - margin) + margin],
    ];
  }, [zoom, layout.width, layout.height, pane.width, pane.height]);

  return (
    <div
      ref={container}
      data-testid="diagram"
      role="region"
      aria-label="Sequence diagram. Tab focuses the selected item; the up and down arrow keys move through steps and exchanges, Home and End jump to the ends, Enter opens."
      onKeyDown={roving.onKeyDown}
      className={classNames('flex h-full w-full flex-col bg-slate-100', presenter ? 'text-[22px]' : 'text-[14px]')}
    >
      <DiagramToolbar
        steps={bands.map((band) => ({ id: band.data.stepId, number: band.data.number, title: band.data.title, status: band.data.status }))}
        onGoTo={goToStep}
        onZoom={view.zoomBy}
        onFitWidth={view.fitWidth}
        presenter={presenter}
      />
      <LaneHeaderStrip lanes={layout.lanes} laneSpacing={layout.laneSpacing} presenter={presenter} />
      <div className="flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1" data-testid="diagram-pane">
          <DiagramActionsContext value={actions}>
            <RovingKeyContext value={roving.rovingKey}>
              <ReactFlow
                nodes={nodes}
                nodeTypes={nodeTypes}
                nodesDraggable={false}
                nodesConnectable={false}
                nodesFocusable={false}
                edgesFocusable={false}
                elevateNodesOnSelect={false}
                disableKeyboardA11y
                zIndexMode="manual"
                // Like a document: the wheel and two-finger swipes scroll, Ctrl/⌘ + wheel and pinch zoom.
                panOnDrag
                panOnScroll
                zoomOnScroll={false}
                zoomOnPinch
                zoomOnDoubleClick={false}
                zoomActivationKeyCode={['Control', 'Meta']}
                translateExtent={extent}
                minZoom={0.2}
                maxZoom={2}
                // MIT-licensed; the attribution link was too small a target (axe target-size) over the diagram.
                proOptions={{ hideAttribution: true }}
              >
                <Background />
              </ReactFlow>
            </RovingKeyContext>
          </DiagramActionsContext>
        </div>
        <StepRail bands={bands} layoutHeight={layout.height} paneHeight={pane.height} onJump={view.scrollTo} />
      </div>
      <p className="sr-only" aria-live="polite" data-testid="diagram-progress">
        {describeProgress(session, stepTitle)}
      </p>
    </div>
  );
}
