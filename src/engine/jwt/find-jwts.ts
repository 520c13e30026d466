import type { Exchange } from '../model/exchange.ts';
import { jwtSpans } from './jwt-spans.ts';

/** Every JWT-shaped string in an exchange's headers and bodies, with where it was found. Linear in the exchange's size. */
export function findJwts(exchange: Exchange): Array<{ where: string; token: string }> {
  const found: Array<{ where: string; token: string }> = [];
  const seen = new Set<string>();
  const scan = (where: string, text: string | undefined) => {
    if (typeof text !== 'string') return;
    for (const { start, end } of jwtSpans(text)) {
      const token = text.slice(start, end);
      if (seen.has(token)) continue;
      seen.add(token);
      found.push({ where, token });
    }
  };
  for (const [name, value] of exchange.request.headers) scan(`request header ${name}`, value);
  scan('request body', exchange.request.body);
  for (const [name, value] of exchange.response?.headers ?? []) scan(`response header ${name}`, value);
  scan('response body', exchange.response?.body);
  return found;
}
