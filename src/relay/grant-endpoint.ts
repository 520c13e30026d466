import type { IncomingMessage, ServerResponse } from 'node:http';
import type { GrantAnswer, GrantRequestBody } from '../engine/relay/contract.ts';
import type { GrantStore } from './flow-grants.ts';
import { GRANT_IDLE_MS } from './flow-grants.ts';
import { readRequestBody } from './read-request-body.ts';
import { acceptsPost } from './relay-endpoint.ts';
import { sendJson } from './send-json.ts';
import { checkTargetUrl } from './target-url.ts';

const MAX_GRANT_REQUEST_BYTES = 8 * 1024;

/**
 * POST /grants { "serverUrl": "…" } from an allowed Origin with the secret: a grant for one flow
 * (flow-grants.ts), replacing the one before. The answer names the server, so the app shows
 * which flow holds the relay.
 */
export async function handleGrantPost(req: IncomingMessage, res: ServerResponse, options: { secret: string; grants: GrantStore }): Promise<void> {
  if (!acceptsPost(req, res, options.secret)) return;
  const raw = await readRequestBody(req, MAX_GRANT_REQUEST_BYTES);
  if (raw === 'too-large') {
    sendJson(res, 413, { error: `A grant request is at most ${MAX_GRANT_REQUEST_BYTES} bytes.` });
    return;
  }
  let serverUrl: unknown;
  try {
    serverUrl = (JSON.parse(raw.toString('utf8')) as Partial<Record<keyof GrantRequestBody, unknown>> | null)?.serverUrl;
  } catch {
    sendJson(res, 400, { error: 'The body is not valid JSON.' });
    return;
  }
  const url = checkTargetUrl(serverUrl);
  if (typeof url === 'string') {
    sendJson(res, 400, { error: `"serverUrl": ${url.replace('"url"', 'it')}` });
    return;
  }
  const grant = options.grants.issue(url);
  sendJson(res, 201, { grant: grant.id, serverUrl: url.href, idleMs: GRANT_IDLE_MS } satisfies GrantAnswer);
}
