import type { IncomingMessage, ServerResponse } from 'node:http';
import { allowOrigin, answerRelayPreflight } from './relay-cors.ts';
import { handleGrantPost } from './grant-endpoint.ts';
import { handleRelayPost, type RelayEndpointOptions } from './relay-endpoint.ts';
import { sendJson } from './send-json.ts';

export interface RelayHandlerOptions extends RelayEndpointOptions {
  allowedOrigins: readonly string[];
}

/**
 * The relay's routes. A foreign Origin is refused everywhere, so no other web page can use the
 * relay, nor see that it runs; POST /relay also needs an Origin, GET /health does not (curl).
 */
export function createRelayHandler(options: RelayHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  const allowed = new Set(options.allowedOrigins);

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    res.setHeader('Vary', 'Origin');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.has(origin)) {
      sendJson(res, 403, { error: `The relay answers only the app, not the origin ${origin}.` });
      return;
    }
    if (origin !== undefined) allowOrigin(res, origin);

    const path = (req.url ?? '').split('?')[0];
    if (path !== '/relay' && path !== '/grants' && path !== '/health') {
      sendJson(res, 404, { error: `Nothing here. The relay answers POST /grants, POST /relay and GET /health.` });
      return;
    }
    if (req.method === 'OPTIONS') {
      if (origin === undefined) sendJson(res, 403, { error: 'A preflight needs an Origin.' });
      else answerRelayPreflight(req, res);
      return;
    }
    if (path === '/health') {
      if (req.method === 'GET' || req.method === 'HEAD') sendJson(res, 200, { ok: true });
      else refuseMethod(res, 'GET');
      return;
    }
    if (req.method !== 'POST') {
      refuseMethod(res, 'POST');
      return;
    }
    if (origin === undefined) {
      sendJson(res, 403, { error: 'The relay answers only the browser app, and this request has no Origin.' });
      return;
    }
    if (path === '/grants') await handleGrantPost(req, res, options);
    else await handleRelayPost(req, res, options);
  };

  return (req, res) => {
    route(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else sendJson(res, 500, { error: 'The relay failed on this request.' });
    });
  };
}

function refuseMethod(res: ServerResponse, allowed: string): void {
  res.setHeader('Allow', `${allowed}, OPTIONS`);
  sendJson(res, 405, { error: `Use ${allowed}.` });
}
