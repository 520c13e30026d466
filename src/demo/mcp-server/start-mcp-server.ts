import { localhostHostValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import express, { type NextFunction, type Request, type Response } from 'express';
import { listenOnPort } from '../../relay/http-server.ts';
import type { ExtraRoutes } from '../mounted-routes.ts';
import { createAccessTokenVerifier } from './access-token-verifier.ts';
import { resourceMetadataChallenge } from './bearer-auth.ts';
import { mcpCors } from './cors.ts';
import { TOOL_REQUIRED_SCOPES } from './demo-tools.ts';
import { JSONRPC_ERROR, jsonRpcError } from './jsonrpc.ts';
import { createMcpEndpoint } from './mcp-endpoint.ts';
import { protectedResourceMetadata, protectedResourceMetadataUrl } from './protected-resource-metadata.ts';
import { requireToolScopes } from './require-tool-scopes.ts';

export const MCP_PATH = '/mcp';

export interface McpServerOptions {
  port: number;
  /** Interface to listen on; URLs always say localhost. Defaults to 'localhost'. */
  host?: string;
  /** The demo authorization server that issues the tokens this server accepts. */
  issuer: string;
  /** Origin of the browser app, which must be able to call the server cross-origin. */
  appOrigin: string;
  /** Served ahead of the healthy endpoint on the same origin, with their own CORS (the fault scenarios). */
  extraRoutes?: ExtraRoutes;
}

export interface RunningMcpServer {
  /** The MCP endpoint, http://localhost:<port>/mcp, which is also the resource (audience). */
  url: string;
  close(): Promise<void>;
}

/** The demo MCP server: OAuth-protected Streamable HTTP for 2025-03-26 … 2026-07-28. */
export async function startMcpServer(options: McpServerOptions): Promise<RunningMcpServer> {
  const listening = await listenOnPort(options.port, options.host ?? 'localhost');
  const origin = `http://localhost:${listening.port}`;
  const url = `${origin}${MCP_PATH}`;
  const metadataUrl = protectedResourceMetadataUrl(url);
  const endpoint = createMcpEndpoint({
    appOrigin: options.appOrigin,
    verifier: createAccessTokenVerifier({ issuer: options.issuer, resource: url }),
    challenge: resourceMetadataChallenge(metadataUrl),
    toolScopes: requireToolScopes((tool) => TOOL_REQUIRED_SCOPES[tool], metadataUrl),
  });
  const closers = [endpoint.close];
  const close = async () => {
    for (const closeOne of closers) await closeOne().catch(() => undefined);
    await listening.close();
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(localhostHostValidation());
  if (options.extraRoutes) {
    try {
      const extra = await options.extraRoutes(origin);
      closers.push(extra.close);
      app.use(extra.router);
    } catch (error) {
      await close();
      throw error;
    }
  }
  app.use(mcpCors(options.appOrigin));

  app.get(new URL(metadataUrl).pathname, (_req, res) => {
    res.json(protectedResourceMetadata({ resource: url, issuer: options.issuer }));
  });

  app.all(MCP_PATH, ...endpoint.authenticate, ...endpoint.serve);

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (res.headersSent) return;
    // body-parser errors (malformed JSON, body too large) carry their 4xx status.
    const { status, type } = error as { status?: unknown; type?: unknown };
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const parseFailed = type === 'entity.parse.failed';
      res
        .status(status)
        .json(
          jsonRpcError(
            undefined,
            parseFailed ? JSONRPC_ERROR.parseError : JSONRPC_ERROR.invalidRequest,
            parseFailed ? 'Parse error: the body is not valid JSON' : `The request body was refused (${String(type)})`,
          ),
        );
      return;
    }
    console.error('demo MCP server:', error);
    res.status(500).json(jsonRpcError(undefined, JSONRPC_ERROR.internalError, 'Internal error'));
  });

  listening.server.on('request', app);

  return { url, close };
}
