import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runUntilStop, ruleIds } from '../engine/test-support/run-until-stop.ts';

/**
 * A stateless server built on the official SDK, which checks MCP-Protocol-Version before anything
 * else: its refusal of 2026-07-28 is about the version, and the run must say so.
 */
let server: Server;
let url: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', async () => {
      const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
      await new McpServer({ name: 'stateless', version: '1.0.0' }).connect(transport);
      await transport.handleRequest(request, response, JSON.parse(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('a server that refuses the protocol version', () => {
  it('is told the version is the problem, with the version it names, not that it lacks a 401', async () => {
    const session = await runUntilStop(url, { specVersion: '2026-07-28' });
    expect(ruleIds(session)).toEqual(['version.rejected']);
    const finding = session.findings[0]!;
    expect(finding.detail).toContain('Bad Request: Unsupported protocol version: 2026-07-28 (supported versions: 2025-11-25');
    expect(finding.detail).toContain('it seems to speak 2025-11-25');
    expect(session.steps[0]).toMatchObject({ status: 'failed', summary: 'server/discover was refused: the server seems to speak 2025-11-25, not 2026-07-28.' });
  });
});
