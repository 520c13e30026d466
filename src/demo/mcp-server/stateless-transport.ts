import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Response } from 'express';
import type { AuthenticatedRequest } from './bearer-auth.ts';
import { isJsonRpcRequestBody, JSONRPC_ERROR, jsonRpcError, requestIdOf } from './jsonrpc.ts';
import { discoverResult, toModernResponse } from './modern-results.ts';
import { OneShotTransport } from './one-shot-transport.ts';
import { checkRequestMetadata } from './request-metadata.ts';

/** Methods the demo answers through the SDK server; everything else is 404 (no ping in 2026-07-28). */
const SDK_METHODS = new Set(['tools/list', 'tools/call']);

/**
 * Protocol version 2026-07-28: no initialize and no session. Each POST is validated and
 * answered on its own, by a fresh SDK server that holds the same tools as the session era.
 */
export function createStatelessTransport(createServer: () => McpServer) {
  return async (req: AuthenticatedRequest, res: Response): Promise<void> => {
    if (req.method !== 'POST') {
      res
        .status(405)
        .set('Allow', 'POST')
        .json(jsonRpcError(undefined, JSONRPC_ERROR.invalidRequest, 'MCP 2026-07-28 has no GET stream and no session to delete'));
      return;
    }
    const body: unknown = req.body;
    if (!isJsonRpcRequestBody(body)) {
      res.status(400).json(jsonRpcError(requestIdOf(body), JSONRPC_ERROR.invalidRequest, 'The body must be one JSON-RPC request'));
      return;
    }
    if (body.id === undefined) {
      res.status(202).end();
      return;
    }

    const problem = checkRequestMetadata(req, body);
    if (problem) {
      res.status(problem.status).json(jsonRpcError(body.id, problem.code, problem.message, problem.data));
      return;
    }

    if (body.method === 'server/discover') {
      res.json({ jsonrpc: '2.0', id: body.id, result: discoverResult() });
      return;
    }
    if (!SDK_METHODS.has(body.method)) {
      res.status(404).json(jsonRpcError(body.id, JSONRPC_ERROR.methodNotFound, `Method not found: ${body.method}`));
      return;
    }

    const server = createServer();
    const transport = new OneShotTransport();
    await server.connect(transport);
    try {
      const response = await transport.request({ jsonrpc: '2.0', id: body.id, method: body.method, params: body.params }, { authInfo: req.auth });
      res.json(toModernResponse(response, body.method));
    } finally {
      await server.close();
    }
  };
}
