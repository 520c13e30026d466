/** POSTs one JSON-RPC message to the MCP endpoint the way a browser client would. */
export async function postMcp(
  url: string,
  message: { id?: number; method: string; params?: Record<string, unknown> },
  { token, headers = {} }: { token?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      origin: 'http://localhost:5173',
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ jsonrpc: '2.0', ...message }),
  });
}

/** Headers and _meta a 2026-07-28 request carries (transports/streamable-http, basic/index). */
export function modernRequest(id: number, method: string, params: Record<string, unknown> = {}) {
  const name = typeof params.name === 'string' ? params.name : undefined;
  return {
    message: {
      id,
      method,
      params: {
        ...params,
        _meta: {
          'io.modelcontextprotocol/protocolVersion': '2026-07-28',
          'io.modelcontextprotocol/clientInfo': { name: 'headless-test', version: '1.0.0' },
          'io.modelcontextprotocol/clientCapabilities': {},
        },
      },
    },
    headers: {
      'mcp-protocol-version': '2026-07-28',
      'mcp-method': method,
      ...(name ? { 'mcp-name': name } : {}),
    },
  };
}
