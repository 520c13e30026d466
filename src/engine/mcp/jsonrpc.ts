import type { SpecVersion } from '../spec/versions.ts';

/**
 * The JSON-RPC messages the flow sends, per spec version.
 * Up to 2025-11-25 a client starts with `initialize` and then carries Mcp-Session-Id.
 * In 2026-07-28 there is no handshake: each request names its version and client in `_meta`,
 * and the headers repeat the method (Mcp-Method) and the tool/resource/prompt name (Mcp-Name).
 */

export const CLIENT_INFO = { name: 'mcp-auth-flow', version: '0.1.0' } as const;

export interface JsonRpcRequest {
  jsonrpc: '2.0';
  id?: number;
  method: string;
  params?: Record<string, unknown>;
}

export interface McpHttpRequest {
  body: JsonRpcRequest;
  headers: Record<string, string>;
}

/** Methods whose Mcp-Name header carries the target's name (2026-07-28). */
const NAMED_METHODS: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

export function buildMcpRequest(
  version: SpecVersion,
  method: string,
  params: Record<string, unknown> | undefined,
  options: { id?: number; sessionId?: string; accessToken?: string },
): McpHttpRequest {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
  };
  let finalParams = params;
  if (version === '2026-07-28') {
    headers['MCP-Protocol-Version'] = version;
    headers['Mcp-Method'] = method;
    const nameKey = NAMED_METHODS[method];
    const name = nameKey ? params?.[nameKey] : undefined;
    if (typeof name === 'string') headers['Mcp-Name'] = name;
    finalParams = {
      ...params,
      _meta: {
        'io.modelcontextprotocol/protocolVersion': version,
        'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
        'io.modelcontextprotocol/clientCapabilities': {},
      },
    };
  } else if (method !== 'initialize' && version !== '2025-03-26') {
    // Since 2025-06-18 every request after initialize carries the negotiated version.
    headers['MCP-Protocol-Version'] = version;
  }
  if (options.sessionId) headers['Mcp-Session-Id'] = options.sessionId;
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  const body: JsonRpcRequest = { jsonrpc: '2.0', method };
  if (options.id !== undefined) body.id = options.id;
  if (finalParams) body.params = finalParams;
  return { body, headers };
}

export function initializeParams(version: SpecVersion): Record<string, unknown> {
  return { protocolVersion: version, capabilities: {}, clientInfo: CLIENT_INFO };
}

/** The first request of a version: the one that meets the 401. */
export function firstRequest(version: SpecVersion, accessToken?: string): McpHttpRequest {
  return version === '2026-07-28'
    ? buildMcpRequest(version, 'server/discover', {}, { id: 1, ...(accessToken ? { accessToken } : {}) })
    : buildMcpRequest(version, 'initialize', initializeParams(version), { id: 1, ...(accessToken ? { accessToken } : {}) });
}
