import type { Exchange } from '../model/exchange.ts';

/**
 * The response headers a client must read from this exchange. An MCP client needs the challenge
 * and the session id from any MCP response that carries them; a verdict is raised only for those
 * the server really sends, so asking for both is safe.
 */
export function neededExposedFor(exchange: Pick<Exchange, 'to' | 'hiddenHeaders'>): string[] {
  const names = [...(exchange.hiddenHeaders ?? []), ...(exchange.to === 'mcp' ? ['WWW-Authenticate', 'Mcp-Session-Id'] : [])];
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase()));
}
