/**
 * Reads an MCP server's refusal for signs that it refused the protocol version rather than the
 * token or the request: a client that opened the way another version does gets these, and
 * "check your token validation" would send the user the wrong way.
 */
export type VersionRejection =
  /** The server named the versions it supports (or said only that this one is not among them). */
  | { kind: 'unsupported'; message: string; supported: string[] }
  /** A session-based server (initialize first) got a request without a session: it wants the handshake. */
  | { kind: 'handshake-expected'; message: string }
  /** The version's first request is a method the server does not know (JSON-RPC -32601 to server/discover). */
  | { kind: 'opening-unknown'; message: string };

/** 2026-07-28 basic/versioning: "Unsupported protocol version" is JSON-RPC error -32022, with data.supported. */
const UNSUPPORTED_PROTOCOL_VERSION = -32022;

/**
 * What the official TypeScript SDK's session transports answer to a request that is not an
 * initialize and carries no session (the typical 2025-era server meeting server/discover).
 */
const HANDSHAKE_EXPECTED = [/no valid session id/i, /server not initialized/i, /mcp-session-id header is required/i];

const METHOD_NOT_FOUND = -32601;

const VERSION = /\b\d{4}-\d{2}-\d{2}\b/g;

/** A JSON-RPC error object, as parsed from a JSON or event-stream body. */
export interface RpcError {
  code?: unknown;
  message?: unknown;
  data?: unknown;
}

/** `opening`: the request was the version's first one, so "method not found" means the server predates it. */
export function readVersionRejection(error: RpcError, opening: boolean): VersionRejection | undefined {
  const message = typeof error.message === 'string' ? error.message : '';
  const data = error.data && typeof error.data === 'object' ? (error.data as Record<string, unknown>) : {};
  if (error.code === UNSUPPORTED_PROTOCOL_VERSION || /unsupported protocol version/i.test(message)) {
    const listed = Array.isArray(data.supported) ? data.supported.filter((entry): entry is string => typeof entry === 'string') : [];
    // The SDK names them in the message: "… (supported versions: 2025-11-25, 2025-06-18, …)".
    const named = /supported versions?:([^)]*)/i.exec(message)?.[1]?.match(VERSION) ?? [];
    return { kind: 'unsupported', message, supported: listed.length ? listed : named };
  }
  if (HANDSHAKE_EXPECTED.some((pattern) => pattern.test(message))) return { kind: 'handshake-expected', message };
  if (opening && error.code === METHOD_NOT_FOUND) return { kind: 'opening-unknown', message };
  return undefined;
}

/** The error object of a JSON body (an HTTP error status answers with plain JSON), if it has one. */
export function jsonRpcErrorOf(body: string): RpcError | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  const error = parsed && typeof parsed === 'object' ? (parsed as { error?: unknown }).error : undefined;
  return error && typeof error === 'object' ? (error as RpcError) : undefined;
}
