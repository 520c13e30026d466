import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { LaneHeaderDiagramNode } from './diagram-nodes.ts';

export const LaneHeaderNode = memo(function LaneHeaderNode({ data }: NodeProps<LaneHeaderDiagramNode>) {
  return (
    <div
      data-testid={`lane-${data.lane}`}
      className="flex h-full w-full flex-col items-center justify-center rounded-lg border-2 border-slate-700 bg-slate-800 px-2 text-white shadow-md"
    >
      <div className="w-full truncate text-center text-[1.3em] leading-tight font-semibold" title={data.title}>
        {data.title}
      </div>
      <div className="w-full truncate text-center text-[0.95em] leading-tight text-slate-300" title={data.subtitle}>
        {data.subtitle}
      </div>
    </div>
  );
});
