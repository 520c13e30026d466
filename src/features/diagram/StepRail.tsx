import type { MouseEvent } from 'react';
import { useViewport } from '@xyflow/react';
import { STEP_STATUS_STYLE } from '../../ui/status.ts';
import type { StepBandDiagramNode } from './diagram-nodes.ts';

interface Props {
  bands: StepBandDiagramNode[];
  layoutHeight: number;
  paneHeight: number;
  /** Scrolls the diagram so its y (diagram units) is in the middle of the view. */
  onJump(centreY: number): void;
}

/**
 * A minimap of the trace's length beside the canvas: each step a segment in its status colour, and
 * a frame for the part in view. Clicking it jumps there. Pointer only: the keyboard has "Go to step"
 * and the diagram's own arrow keys.
 */
export function StepRail({ bands, layoutHeight, paneHeight, onJump }: Props) {
  const { y, zoom } = useViewport();
  if (layoutHeight <= 0 || paneHeight <= 0) return null;
  const share = (value: number) => `${Math.min(100, Math.max(0, (value / layoutHeight) * 100))}%`;
  const viewTop = -y / zoom;
  const viewHeight = paneHeight / zoom;
  const jump = (event: MouseEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    onJump(((event.clientY - rect.top) / rect.height) * layoutHeight);
  };
  return (
    <div aria-hidden="true" data-testid="step-rail" onClick={jump} className="relative w-4 shrink-0 cursor-pointer border-l border-slate-200 bg-slate-50">
      {bands.map((band) => (
        <div
          key={band.id}
          title={`Step ${band.data.number}: ${band.data.title} (${STEP_STATUS_STYLE[band.data.status].label})`}
          className="absolute inset-x-0.5 rounded-sm"
          style={{
            top: share(band.position.y),
            height: `max(3px, ${share(band.height ?? 0)})`,
            background: STEP_STATUS_STYLE[band.data.status].stroke,
            opacity: band.data.status === 'pending' || band.data.status === 'skipped' ? 0.35 : 0.85,
          }}
        />
      ))}
      <div
        data-testid="step-rail-view"
        className="pointer-events-none absolute inset-x-0 rounded-sm border-2 border-slate-900"
        style={{ top: share(viewTop), height: share(Math.min(viewHeight, layoutHeight)) }}
      />
    </div>
  );
}
