/** JSON-RPC error codes the demo server answers with (MCP 2026-07-28 basic/index#error-codes). */
export const JSONRPC_ERROR = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  headerMismatch: -32020,
  unsupportedProtocolVersion: -32022,
} as const;

export type JsonRpcId = string | number;

export interface JsonRpcErrorBody {
  jsonrpc: '2.0';
  id?: JsonRpcId;
  error: { code: number; message: string; data?: unknown };
}

export function jsonRpcError(id: JsonRpcId | undefined, code: number, message: string, data?: unknown): JsonRpcErrorBody {
  return {
    jsonrpc: '2.0',
    ...(id === undefined ? {} : { id }),
    error: { code, message, ...(data === undefined ? {} : { data }) },
  };
}

export interface JsonRpcRequestBody {
  jsonrpc: '2.0';
  id?: JsonRpcId;
  method: string;
  params?: Record<string, unknown>;
}

export function isJsonRpcRequestBody(body: unknown): body is JsonRpcRequestBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return false;
  const candidate = body as Record<string, unknown>;
  const params = candidate.params;
  return (
    candidate.jsonrpc === '2.0' &&
    typeof candidate.method === 'string' &&
    (candidate.id === undefined || typeof candidate.id === 'string' || typeof candidate.id === 'number') &&
    (params === undefined || (typeof params === 'object' && params !== null && !Array.isArray(params)))
  );
}

/** A request id we can echo in an error, when the body has one. */
export function requestIdOf(body: unknown): JsonRpcId | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const id = (body as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}
