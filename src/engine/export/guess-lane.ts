import type { Lane } from '../model/exchange.ts';
import { trimEnd } from '../text/trim-end.ts';

const AS_WELL_KNOWN = ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'];
const AS_ENDPOINTS = new Set(['token', 'register', 'authorize']);

/**
 * Which participant a URL most likely belongs to, from its path alone: authorization server
 * metadata and the token, registration and authorization endpoints go to the authorization
 * server; everything else (the MCP endpoint, protected resource metadata) to the MCP server.
 * A guess for files that do not say; our own files carry the real lanes.
 */
export function guessLane(url: string): Lane {
  let path: string;
  try {
    path = new URL(url).pathname.toLowerCase();
  } catch {
    return 'mcp';
  }
  if (AS_WELL_KNOWN.some((prefix) => path.startsWith(prefix) || path.endsWith(prefix))) return 'as';
  const last = trimEnd(path, '/').split('/').at(-1) ?? '';
  return AS_ENDPOINTS.has(last) ? 'as' : 'mcp';
}
