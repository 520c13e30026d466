import type { McpTransport, SpecProfile } from '../spec/profile.ts';

/**
 * The JSON-RPC messages the flow sends, shaped by the version's transport (its profile): a
 * version that opens with `initialize` then carries Mcp-Session-Id; one without a handshake names
 * its version and client in each request's `_meta`, and its headers repeat the method (Mcp-Method)
 * and the tool/resource/prompt name (Mcp-Name).
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

/** What a request needs to know of its version. */
type Protocol = Pick<SpecProfile, 'version' | 'transport'>;

/** Methods whose Mcp-Name header carries the target's name. */
const NAMED_METHODS: Record<string, string> = { 'tools/call': 'name', 'prompts/get': 'name', 'resources/read': 'uri' };

export function buildMcpRequest(
  protocol: Protocol,
  method: string,
  params: Record<string, unknown> | undefined,
  options: { id?: number; sessionId?: string; accessToken?: string },
): McpHttpRequest {
  const { version, transport } = protocol;
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
  };
  if (sendsVersionHeader(transport, method)) headers['MCP-Protocol-Version'] = version;
  if (transport.methodHeaders) {
    headers['Mcp-Method'] = method;
    const nameKey = NAMED_METHODS[method];
    const name = nameKey ? params?.[nameKey] : undefined;
    if (typeof name === 'string') headers['Mcp-Name'] = name;
  }
  const finalParams = transport.requestMeta
    ? {
        ...params,
        _meta: {
          'io.modelcontextprotocol/protocolVersion': version,
          'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      }
    : params;
  if (options.sessionId) headers['Mcp-Session-Id'] = options.sessionId;
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  const body: JsonRpcRequest = { jsonrpc: '2.0', method };
  if (options.id !== undefined) body.id = options.id;
  if (finalParams) body.params = finalParams;
  return { body, headers };
}

/** initialize itself negotiates the version, so a version that sends the header after it leaves it off there. */
function sendsVersionHeader(transport: McpTransport, method: string): boolean {
  if (transport.protocolVersionHeader === 'every-request') return true;
  return transport.protocolVersionHeader === 'after-initialize' && method !== 'initialize';
}

export function initializeParams(version: string): Record<string, unknown> {
  return { protocolVersion: version, capabilities: {}, clientInfo: CLIENT_INFO };
}

/** The first request of a version: the one that meets the 401. */
export function firstRequest(protocol: Protocol, accessToken?: string): McpHttpRequest {
  const options = { id: 1, ...(accessToken ? { accessToken } : {}) };
  return protocol.transport.opening === 'server/discover'
    ? buildMcpRequest(protocol, 'server/discover', {}, options)
    : buildMcpRequest(protocol, 'initialize', initializeParams(protocol.version), options);
}
