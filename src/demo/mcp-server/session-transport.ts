import { randomUUID } from 'node:crypto';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { Response } from 'express';
import type { AuthenticatedRequest } from './bearer-auth.ts';
import { JSONRPC_ERROR, jsonRpcError, requestIdOf } from './jsonrpc.ts';

interface Session {
  transport: StreamableHTTPServerTransport;
  subject: unknown;
}

export interface SessionTransport {
  handle(req: AuthenticatedRequest, res: Response): Promise<void>;
  closeAll(): Promise<void>;
}

/**
 * Protocol versions up to 2025-11-25: the SDK's stateful Streamable HTTP transport, one SDK
 * server per session. JSON responses instead of SSE keep the exchange readable in the app.
 */
export function createSessionTransport(createServer: () => McpServer): SessionTransport {
  const sessions = new Map<string, Session>();

  return {
    async handle(req, res) {
      const sessionId = req.get('mcp-session-id');
      const subject = req.auth?.extra?.sub;

      if (sessionId !== undefined) {
        const session = sessions.get(sessionId);
        // A session belongs to the user who opened it (2025-11-25 security best practices).
        if (!session || session.subject !== subject) {
          res.status(404).json(jsonRpcError(requestIdOf(req.body), JSONRPC_ERROR.invalidRequest, 'Session not found'));
          return;
        }
        await session.transport.handleRequest(req, res, req.body);
        return;
      }

      if (req.method !== 'POST' || !isInitializeRequest(req.body)) {
        res
          .status(400)
          .json(jsonRpcError(requestIdOf(req.body), JSONRPC_ERROR.invalidRequest, 'Send initialize first, or the Mcp-Session-Id header it returned'));
        return;
      }

      const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse: true,
        onsessioninitialized: (id) => {
          sessions.set(id, { transport, subject });
        },
        onsessionclosed: (id) => {
          sessions.delete(id);
        },
      });
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId);
      };
      await createServer().connect(transport);
      await transport.handleRequest(req, res, req.body);
    },

    async closeAll() {
      const open = [...sessions.values()];
      sessions.clear();
      await Promise.allSettled(open.map((session) => session.transport.close()));
    },
  };
}
