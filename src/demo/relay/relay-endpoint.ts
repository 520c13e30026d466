import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseRelayRequest } from './parse-relay-request.ts';
import { readRequestBody } from './read-request-body.ts';
import { relayExchange } from './relay-exchange.ts';
import { isRelaySecret } from './relay-secret.ts';
import { sendJson } from './send-json.ts';

export const MAX_REQUEST_BYTES = 1024 * 1024;
export const MAX_TARGET_BODY_BYTES = 2 * 1024 * 1024;

export interface RelayEndpointOptions {
  secret: string;
  timeoutMs: number;
}

/** POST /relay from an allowed Origin: the secret, then the body, then both upstream requests. */
export async function handleRelayPost(req: IncomingMessage, res: ServerResponse, options: RelayEndpointOptions): Promise<void> {
  const givenSecret = req.headers['x-relay-secret'];
  if (!isRelaySecret(typeof givenSecret === 'string' ? givenSecret : undefined, options.secret)) {
    sendJson(res, 401, { error: 'Missing or wrong X-Relay-Secret. The app gets the secret from the dev server, new at each start.' });
    return;
  }
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    sendJson(res, 400, { error: 'Send the request as JSON, with Content-Type: application/json.' });
    return;
  }

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
  sendJson(res, 200, await relayExchange(request, { timeoutMs: options.timeoutMs, maxBodyBytes: MAX_TARGET_BODY_BYTES }));
}
