import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { MCP_ADMIN_SCOPE, MCP_TOOLS_SCOPE } from '../scopes.ts';

export const DEMO_SERVER_INFO = { name: 'mcp-auth-flow-demo', title: 'MCP Auth Flow demo', version: '1.0.0' };

export const DEMO_SERVER_INSTRUCTIONS = 'Demo server for MCP Auth Flow. echo and add need mcp:tools; admin_report also needs mcp:admin.';

/** Scopes a tools/call needs beyond a valid token, checked at the HTTP layer (403 step-up). */
export const TOOL_REQUIRED_SCOPES: Readonly<Record<string, readonly string[]>> = {
  admin_report: [MCP_TOOLS_SCOPE, MCP_ADMIN_SCOPE],
};

/** One SDK server with the demo tools; both protocol eras build theirs from here. */
export function createDemoMcpServer(): McpServer {
  const server = new McpServer(DEMO_SERVER_INFO, { instructions: DEMO_SERVER_INSTRUCTIONS });

  server.registerTool(
    'echo',
    {
      title: 'Echo',
      description: 'Returns the message it is given.',
      inputSchema: { message: z.string().describe('Text to send back') },
    },
    async ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  );

  server.registerTool(
    'add',
    {
      title: 'Add',
      description: 'Adds two numbers.',
      inputSchema: { a: z.number(), b: z.number() },
    },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );

  server.registerTool(
    'admin_report',
    {
      title: 'Admin report',
      description: `A report only for tokens with the ${MCP_ADMIN_SCOPE} scope (try it to see step-up authorization).`,
    },
    async ({ authInfo }) => {
      // The HTTP layer already answered 403 without mcp:admin; this guards against a bypass.
      if (!authInfo?.scopes.includes(MCP_ADMIN_SCOPE)) {
        return { isError: true, content: [{ type: 'text', text: `The ${MCP_ADMIN_SCOPE} scope is required.` }] };
      }
      const subject = typeof authInfo.extra?.sub === 'string' ? authInfo.extra.sub : 'unknown';
      return {
        content: [{ type: 'text', text: `Admin report for ${subject}: token scopes are "${authInfo.scopes.join(' ')}".` }],
      };
    },
  );

  return server;
}
