import type { Exchange } from '../../engine/model/exchange.ts';
import type { Step } from '../../engine/model/step.ts';

/** A step's exchanges in the order they started; ties keep recording order. */
export function exchangesOf(step: Step, exchanges: readonly Exchange[]): Exchange[] {
  const ids = new Set(step.exchangeIds);
  return exchanges
    .map((exchange, index) => ({ exchange, index }))
    .filter(({ exchange }) => exchange.stepId === step.id || ids.has(exchange.id))
    .sort((a, b) => a.exchange.startedAt - b.exchange.startedAt || a.index - b.index)
    .map(({ exchange }) => exchange);
}
