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
