import type { IncomingMessage, ServerResponse } from 'node:http';
import { RELAY_GRANT_HEADER, RELAY_SECRET_HEADER, type GrantRefusal } from '../engine/relay/contract.ts';
import { GRANT_REFUSALS, type FlowGrant, type GrantStore } from './flow-grants.ts';
import { isInFlow, learnFromResponse } from './grant-scope.ts';
import { parseRelayRequest } from './parse-relay-request.ts';
import { readRequestBody } from './read-request-body.ts';
import type { RelayAdmission } from './relay-admission.ts';
import { relayExchange } from './relay-exchange.ts';
import { isRelaySecret } from './relay-secret.ts';
import { sendJson } from './send-json.ts';

export const MAX_REQUEST_BYTES = 1024 * 1024;
export const MAX_TARGET_BODY_BYTES = 2 * 1024 * 1024;
/** The most one relayed request holds: its own body, then the preflight's and the real answer's. */
export const MAX_BYTES_PER_REQUEST = MAX_REQUEST_BYTES + 2 * MAX_TARGET_BODY_BYTES;

export interface RelayEndpointOptions {
  secret: string;
  timeoutMs: number;
  admission: RelayAdmission;
  grants: GrantStore;
}

/** The secret and a JSON body, which every POST needs; false when the request was refused. */
export function acceptsPost(req: IncomingMessage, res: ServerResponse, secret: string): boolean {
  const givenSecret = req.headers[RELAY_SECRET_HEADER];
  if (!isRelaySecret(typeof givenSecret === 'string' ? givenSecret : undefined, secret)) {
    sendJson(res, 401, { error: 'Missing or wrong X-Relay-Secret. The app gets the secret from the dev server, new at each start.' });
    return false;
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    sendJson(res, 400, { error: 'Send the request as JSON, with Content-Type: application/json.' });
    return false;
  }
  return true;
}

/** POST /relay from an allowed Origin: the secret, the flow grant, room, then the body, then both upstream requests. */
export async function handleRelayPost(req: IncomingMessage, res: ServerResponse, options: RelayEndpointOptions): Promise<void> {
  if (!acceptsPost(req, res, options.secret)) return;
  const givenGrant = req.headers[RELAY_GRANT_HEADER];
  const grant = options.grants.check(typeof givenGrant === 'string' ? givenGrant : undefined);
  if (typeof grant === 'string') {
    sendJson(res, 403, { error: GRANT_REFUSALS[grant], grant: grant satisfies GrantRefusal });
    return;
  }

  const left = new AbortController();
  res.once('close', () => left.abort());
  const admission = await options.admission.admit(left.signal);
  if (admission === 'gone') return;
  if (admission === 'busy') {
    res.setHeader('Retry-After', '1');
    req.resume(); // drained unread, so the client still gets the 429
    sendJson(res, 429, {
      error: `The relay is busy: ${options.admission.maxRunning} requests are running and ${options.admission.maxQueued} are waiting, its limits. Try again in a moment.`,
    });
    return;
  }
  try {
    await relayAdmitted(req, res, options, grant);
  } finally {
    admission.release();
  }
}

async function relayAdmitted(req: IncomingMessage, res: ServerResponse, options: RelayEndpointOptions, grant: FlowGrant): Promise<void> {
  const raw = await readRequestBody(req, MAX_REQUEST_BYTES);
  if (raw === 'too-large') {
    sendJson(res, 413, { error: `The request is larger than ${MAX_REQUEST_BYTES} bytes (1 MiB).` });
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch {
    sendJson(res, 400, { error: 'The body is not valid JSON.' });
    return;
  }
  const request = parseRelayRequest(json);
  if (typeof request === 'string') {
    sendJson(res, 400, { error: request });
    return;
  }
  const limits = { timeoutMs: options.timeoutMs, maxBodyBytes: MAX_TARGET_BODY_BYTES };
  if (!(await isInFlow(grant, request.url, limits))) {
    sendJson(res, 403, {
      error: `${request.url.origin} is not part of the flow this relay grant was given for (${grant.serverUrl.href}). The relay reaches only that server's origin and the authorization servers and endpoints its own metadata names.`,
      grant: 'out-of-flow' satisfies GrantRefusal,
    });
    return;
  }
  const result = await relayExchange(request, limits);
  learnFromResponse(grant, result.response);
  sendJson(res, 200, result);
}
