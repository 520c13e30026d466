import type { Exchange } from '../http/exchange.ts';

const JWT_PATTERN = /\beyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** Every JWT-shaped string in an exchange's headers and bodies, with where it was found. */
export function findJwts(exchange: Exchange): Array<{ where: string; token: string }> {
  const found: Array<{ where: string; token: string }> = [];
  const scan = (where: string, text: string | undefined) => {
    for (const match of text?.matchAll(JWT_PATTERN) ?? []) {
      if (!found.some((entry) => entry.token === match[0])) found.push({ where, token: match[0] });
    }
  };
  for (const [name, value] of exchange.request.headers) scan(`request header ${name}`, value);
  scan('request body', exchange.request.body);
  for (const [name, value] of exchange.response?.headers ?? []) scan(`response header ${name}`, value);
  scan('response body', exchange.response?.body);
  return found;
}
