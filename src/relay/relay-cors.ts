import type { IncomingMessage, ServerResponse } from 'node:http';
import { RELAY_GRANT_HEADER, RELAY_SECRET_HEADER } from '../engine/relay/contract.ts';

/** What the app's own calls to the relay need: JSON in, the secret and the flow grant. */
const RELAY_REQUEST_HEADERS = `content-type, ${RELAY_SECRET_HEADER}, ${RELAY_GRANT_HEADER}`;

/** Called only once the Origin is on the allow-list; no other origin gets CORS headers. */
export function allowOrigin(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin);
}

/** Called only once the Origin is on the allow-list, like allowOrigin. */
export function answerRelayPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.statusCode = 204;
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
  res.setHeader('Access-Control-Allow-Headers', RELAY_REQUEST_HEADERS);
  // A hosted copy of the app (a public https page) calling this loopback relay: Chrome's Private
  // Network Access asks first, and goes on only with this answer
  // (https://wicg.github.io/private-network-access/#cors-preflight). Newer Chrome asks the user
  // instead (Local Network Access); the header is then simply not asked for.
  if (req.headers['access-control-request-private-network'] === 'true') res.setHeader('Access-Control-Allow-Private-Network', 'true');
  res.setHeader('Access-Control-Max-Age', '600');
  res.end();
}
