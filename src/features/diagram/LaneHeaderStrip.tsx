import { useViewport } from '@xyflow/react';
import { classNames } from './class-names.ts';
import type { LaneColumn } from './diagram-nodes.ts';

/**
 * The lane names, above the canvas rather than on it: they line up with the lifelines as the view
 * pans and zooms, stay readable at any zoom, and never cover a step.
 */
export function LaneHeaderStrip({ lanes, laneSpacing, presenter }: { lanes: LaneColumn[]; laneSpacing: number; presenter: boolean }) {
  const { x, zoom } = useViewport();
  const width = Math.max(40, laneSpacing * zoom - 8);
  return (
    <div className={classNames('relative shrink-0 overflow-hidden bg-slate-800 text-white shadow', presenter ? 'h-14' : 'h-11')} data-testid="lane-headers">
      {lanes.map((lane) => (
        <div
          key={lane.lane}
          data-testid={`lane-${lane.lane}`}
          className="absolute top-0 flex h-full flex-col items-center justify-center px-1 text-center leading-tight"
          style={{ left: lane.centreX * zoom + x - width / 2, width }}
        >
          <div className={classNames('w-full truncate font-semibold', presenter ? 'text-[20px]' : 'text-[14px]')} title={lane.title}>
            {lane.title}
          </div>
          <div className={classNames('w-full truncate text-slate-300', presenter ? 'text-[16px]' : 'text-[12px]')} title={lane.subtitle}>
            {lane.subtitle}
          </div>
        </div>
      ))}
    </div>
  );
}
