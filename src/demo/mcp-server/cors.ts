import type { RequestHandler } from 'express';
import { isAllowedBrowserOrigin } from '../browser-origin.ts';
import { JSONRPC_ERROR, jsonRpcError } from './jsonrpc.ts';

const ALLOWED_HEADERS = ['authorization', 'content-type', 'accept', 'mcp-protocol-version', 'mcp-session-id', 'last-event-id', 'mcp-method', 'mcp-name'].join(
  ', ',
);

const EXPOSED_HEADERS = ['WWW-Authenticate', 'Mcp-Session-Id'];

/**
 * Runs before authentication so that the preflight succeeds without a token and every
 * answer, 401 and 403 included, is readable by the browser app, challenge and session id too.
 */
export function mcpCors(appOrigin: string, { exposeHeaders = EXPOSED_HEADERS } = {}): RequestHandler {
  return (req, res, next) => {
    res.vary('Origin');
    const origin = req.get('origin');
    if (origin !== undefined && !isAllowedBrowserOrigin(origin, appOrigin)) {
      next();
      return;
    }
    res.set({
      'Access-Control-Allow-Origin': origin ?? appOrigin,
      'Access-Control-Expose-Headers': exposeHeaders.join(', '),
    });
    if (req.method === 'OPTIONS') {
      res.set({
        'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
        'Access-Control-Allow-Headers': ALLOWED_HEADERS,
        'Access-Control-Max-Age': '600',
      });
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Streamable HTTP "Security & Endpoint": a present but foreign Origin gets 403 (DNS rebinding). */
export function rejectForeignOrigins(appOrigin: string): RequestHandler {
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin !== undefined && !isAllowedBrowserOrigin(origin, appOrigin)) {
      res.status(403).json(jsonRpcError(undefined, JSONRPC_ERROR.invalidRequest, `Origin ${origin} is not allowed`));
      return;
    }
    next();
  };
}
