import type { Exchange } from '../model/exchange.ts';
import { headerValue } from '../model/header-list.ts';
import type { StepContext } from './step-definition.ts';

/** The newest exchange recorded so far; a step reads the one its own request just made. */
export function latestExchange(ctx: StepContext): Exchange {
  const exchange = ctx.exchanges.at(-1);
  if (!exchange) throw new Error('No exchange was recorded.');
  return exchange;
}

/** A header of the exchange's response (model/header-list.ts headerValue); null without a response. */
export function responseHeader(exchange: Exchange | undefined, name: string): string | null {
  return exchange?.response ? headerValue(exchange.response.headers, name) : null;
}
