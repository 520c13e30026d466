import { memo, useContext } from 'react';
import type { NodeProps } from '@xyflow/react';
import { DiagramActionsContext } from './diagram-actions.ts';
import type { NoteDiagramNode } from './diagram-nodes.ts';

/** What a step worked out without any HTTP (a parsed challenge, PKCE values). Clicking selects the step. */
export const NoteNode = memo(function NoteNode({ data }: NodeProps<NoteDiagramNode>) {
  const { select } = useContext(DiagramActionsContext);
  return (
    <div
      data-testid={`note-${data.stepId}`}
      title={data.fullText}
      onClick={() => select({ kind: 'step', id: data.stepId })}
      className="h-full w-full cursor-pointer overflow-hidden rounded-md border border-yellow-400 bg-yellow-50 px-2 py-1.5 font-mono text-[0.9em] leading-[1.45] text-yellow-950 shadow-sm"
    >
      {data.lines.map((line, index) => (
        <div key={index} className="truncate">
          {line}
        </div>
      ))}
      {data.moreCount > 0 && <div className="truncate text-yellow-800 italic">+ {data.moreCount} more…</div>}
    </div>
  );
});
