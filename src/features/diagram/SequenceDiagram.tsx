import { useEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import type { FlowSession } from '../../engine/model/session.ts';
import { stepTitle } from '../../engine/steps/step-title.ts';
import type { Selection } from '../../ui/selection.ts';
import { classNames } from './class-names.ts';
import { currentStep, describeProgress } from './current-step.ts';
import { DiagramActionsContext } from './diagram-actions.ts';
import { DEFAULT_LANE_SPACING, DEFAULT_ROW_HEIGHT, layoutSequence, type SequenceLayoutOptions } from './layout.ts';
import { nodeTypes } from './node-types.ts';
import { StickyLaneHeaders } from './StickyLaneHeaders.tsx';
import { adjacentSelection, selectionOrder } from './selection-order.ts';
import { useReadableFit, useRevealSelection } from './use-diagram-viewport.ts';
import { useStableNodes, withSelection } from './use-stable-nodes.ts';

export interface SequenceDiagramProps {
  session: FlowSession;
  selection: Selection;
  onSelect(selection: Selection): void;
  /** Large type for a projector (the session comes already masked: src/app/use-shown-session.ts). */
  presenter?: boolean;
}

const PRESENTER_LAYOUT: SequenceLayoutOptions = {
  laneSpacing: Math.round(DEFAULT_LANE_SPACING * 1.25),
  rowHeight: Math.round(DEFAULT_ROW_HEIGHT * 1.25),
};

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
  const layout = useMemo(() => layoutSequence(session, presenter ? PRESENTER_LAYOUT : {}), [session, presenter]);
  const stableNodes = useStableNodes(layout.nodes);
  const nodes = useMemo(() => withSelection(stableNodes, selection), [stableNodes, selection]);
  const order = useMemo(() => selectionOrder(session), [session]);
  // A stable context value: a parent passing a new onSelect each render must not re-render every node.
  const onSelectRef = useRef(onSelect);
  useEffect(() => {
    onSelectRef.current = onSelect;
  });
  const actions = useMemo(() => ({ select: (next: Selection) => onSelectRef.current(next) }), []);
  const progress = describeProgress(session, stepTitle);

  const current = currentStep(session);
  const currentTop = layout.nodes.find((node) => node.id === `step-${current?.id}`)?.position.y;
  useReadableFit(layout, `${session.exchanges.length} ${presenter}`, currentTop);
  useRevealSelection(selection, layout.nodes, container);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const next = adjacentSelection(order, selection, event.key === 'ArrowDown' ? 1 : -1);
    if (next) onSelect(next);
  };

  return (
    <div
      ref={container}
      data-testid="diagram"
      role="region"
      aria-label="Sequence diagram. Tab to a step or an arrow, Enter selects it, the up and down arrow keys move the selection."
      onKeyDown={onKeyDown}
      className={classNames('relative h-full w-full bg-slate-100', presenter ? 'text-[18px]' : 'text-[14px]')}
    >
      <DiagramActionsContext value={actions}>
        <ReactFlow
          nodes={nodes}
          nodeTypes={nodeTypes}
          nodesDraggable={false}
          nodesConnectable={false}
          nodesFocusable={false}
          edgesFocusable={false}
          elementsSelectable
          zIndexMode="manual"
          panOnDrag
          zoomOnScroll
          minZoom={0.02}
          maxZoom={2}
        >
          <Background />
          <Controls showInteractive={false} />
        </ReactFlow>
        <StickyLaneHeaders nodes={layout.nodes} />
      </DiagramActionsContext>
      <p className="sr-only" aria-live="polite" data-testid="diagram-progress">
        {progress}
      </p>
    </div>
  );
}
