import type { NodeTypes } from '@xyflow/react';
import { LifelineNode } from './LifelineNode.tsx';
import { MessageNode } from './MessageNode.tsx';
import { NoteNode } from './NoteNode.tsx';
import { StepBandNode } from './StepBandNode.tsx';

/** Module level: a new object on each render would make React Flow remount every node. */
export const nodeTypes = {
  lifeline: LifelineNode,
  stepBand: StepBandNode,
  message: MessageNode,
  note: NoteNode,
} satisfies NodeTypes;
