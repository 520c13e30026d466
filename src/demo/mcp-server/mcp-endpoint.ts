import express, { type Request, type RequestHandler, type Response } from 'express';
import type { AccessTokenVerifier } from './access-token-verifier.ts';
import { requireBearerToken, type AuthenticatedRequest, type UnauthorizedChallenge } from './bearer-auth.ts';
import { rejectForeignOrigins } from './cors.ts';
import { createDemoMcpServer } from './demo-tools.ts';
import { isModernRequest } from './protocol-versions.ts';
import { createSessionTransport } from './session-transport.ts';
import { createStatelessTransport } from './stateless-transport.ts';

export interface McpEndpointOptions {
  appOrigin: string;
  verifier: AccessTokenVerifier;
  challenge: UnauthorizedChallenge;
  /** The 403 step-up check on tools/call (requireToolScopes). */
  toolScopes: RequestHandler;
  /** Only the session era (initialize first), as servers before 2026-07-28 were. */
  sessionsOnly?: boolean;
  /** Sees the parsed JSON-RPC body before the MCP server does. */
  beforeDispatch?: RequestHandler;
}

export interface McpEndpoint {
  /** Origin check and bearer token: everything that can refuse a request before it is read. */
  authenticate: RequestHandler[];
  /** Body parsing, step-up and the MCP server itself. CORS is the caller's, around these. */
  serve: RequestHandler[];
  close(): Promise<void>;
}

/** One OAuth-protected MCP endpoint with its own sessions; the healthy one and each scenario's. */
export function createMcpEndpoint(options: McpEndpointOptions): McpEndpoint {
  const sessionTransport = createSessionTransport(createDemoMcpServer);
  const statelessTransport = createStatelessTransport(createDemoMcpServer);

  const dispatch = async (req: Request, res: Response) => {
    const authenticated = req as AuthenticatedRequest;
    if (!options.sessionsOnly && isModernRequest(req)) await statelessTransport(authenticated, res);
    else await sessionTransport.handle(authenticated, res);
  };

  return {
    authenticate: [rejectForeignOrigins(options.appOrigin), requireBearerToken(options.verifier, options.challenge)],
    serve: [express.json({ limit: '1mb' }), ...(options.beforeDispatch ? [options.beforeDispatch] : []), options.toolScopes, dispatch],
    close: () => sessionTransport.closeAll(),
  };
}
