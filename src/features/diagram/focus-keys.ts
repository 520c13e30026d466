import type { Selection } from '../../ui/selection.ts';
import type { DiagramNode } from './diagram-nodes.ts';

/** One key per keyboard stop in the diagram: a step band, or an exchange (its request arrow). */
export type FocusKey = string;

export function focusKeyOf(item: NonNullable<Selection>): FocusKey {
  return `${item.kind}:${item.id}`;
}

/** The node that holds an item's focus: a step's band, an exchange's request arrow. */
export function nodeIdOf(item: NonNullable<Selection>): string {
  return item.kind === 'step' ? `step-${item.id}` : `${item.id}-req`;
}

/** The focus key a node answers to, if it is a keyboard stop. */
export function nodeFocusKey(node: DiagramNode): FocusKey | undefined {
  if (node.type === 'stepBand') return focusKeyOf({ kind: 'step', id: node.data.stepId });
  if (node.type === 'message' && node.data.part === 'request') return focusKeyOf({ kind: 'exchange', id: node.data.exchangeId });
  return undefined;
}
