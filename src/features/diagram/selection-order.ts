import type { FlowSession } from '../../engine/model/session.ts';
import type { Selection } from '../../ui/selection.ts';
import { exchangesOf } from './step-exchanges.ts';

/** Everything the keyboard can select, top to bottom: each step, then its exchanges in time order. */
export function selectionOrder(session: FlowSession): NonNullable<Selection>[] {
  return session.steps.flatMap((step) => [
    { kind: 'step' as const, id: step.id },
    ...exchangesOf(step, session.exchanges).map((exchange) => ({ kind: 'exchange' as const, id: exchange.id })),
  ]);
}

/** The item before or after the selection; from nothing, the first (down) or the last (up). */
export function adjacentSelection(order: readonly NonNullable<Selection>[], selection: Selection, offset: 1 | -1): Selection {
  const index = selection ? order.findIndex((item) => item.kind === selection.kind && item.id === selection.id) : -1;
  if (index === -1) return (offset === 1 ? order[0] : order[order.length - 1]) ?? null;
  return order[index + offset] ?? order[index] ?? null;
}
