import type { Exchange } from '../model/exchange.ts';
import type { StepContext } from './step-definition.ts';

/** The newest exchange recorded so far; a step reads the one its own request just made. */
export function latestExchange(ctx: StepContext): Exchange {
  const exchange = ctx.exchanges.at(-1);
  if (!exchange) throw new Error('No exchange was recorded.');
  return exchange;
}

export function headerValue(exchange: Exchange | undefined, name: string): string | null {
  const wanted = name.toLowerCase();
  const found = exchange?.response?.headers.find(([key]) => key.toLowerCase() === wanted);
  return found ? found[1] : null;
}
