import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { LifelineDiagramNode } from './diagram-nodes.ts';

export const LifelineNode = memo(function LifelineNode({ data }: NodeProps<LifelineDiagramNode>) {
  return <div data-testid={`lifeline-${data.lane}`} aria-hidden="true" className="pointer-events-none h-full w-full bg-slate-400" />;
});
