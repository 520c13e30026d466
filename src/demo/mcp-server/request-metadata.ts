import type { Request } from 'express';
import { JSONRPC_ERROR, type JsonRpcRequestBody } from './jsonrpc.ts';
import { MODERN_PROTOCOL_VERSION, PROTOCOL_VERSION_META_KEY, SUPPORTED_VERSIONS } from './protocol-versions.ts';

const CLIENT_CAPABILITIES_META_KEY = 'io.modelcontextprotocol/clientCapabilities';

/** Methods whose target is mirrored into Mcp-Name, and the params field it comes from. */
const NAME_SOURCE: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

export interface RequestMetadataProblem {
  status: 400;
  code: number;
  message: string;
  data?: unknown;
}

/**
 * 2026-07-28 Streamable HTTP "Server Validation": the Mcp-Method, Mcp-Name and
 * MCP-Protocol-Version headers must be present and equal to the body, and the body's _meta
 * must carry the per-request protocol fields (basic/index "Per-request protocol fields").
 */
export function checkRequestMetadata(req: Request, body: JsonRpcRequestBody): RequestMetadataProblem | undefined {
  const methodHeader = req.get('mcp-method');
  if (methodHeader === undefined) return headerMismatch('the Mcp-Method header is required');
  if (methodHeader !== body.method) {
    return headerMismatch(`Mcp-Method header value '${methodHeader}' does not match body value '${body.method}'`);
  }

  const nameSource = NAME_SOURCE[body.method];
  if (nameSource !== undefined) {
    const bodyName = body.params?.[nameSource];
    const nameHeader = req.get('mcp-name');
    if (nameHeader === undefined) return headerMismatch(`the Mcp-Name header is required for ${body.method}`);
    const headerName = decodeHeaderValue(nameHeader);
    if (headerName !== bodyName) {
      return headerMismatch(`Mcp-Name header value '${nameHeader}' does not match body value '${String(bodyName)}'`);
    }
  }

  const meta = body.params?._meta as Record<string, unknown> | undefined;
  const requestedVersion = meta?.[PROTOCOL_VERSION_META_KEY];
  const capabilities = meta?.[CLIENT_CAPABILITIES_META_KEY];
  if (typeof requestedVersion !== 'string' || typeof capabilities !== 'object' || capabilities === null) {
    return {
      status: 400,
      code: JSONRPC_ERROR.invalidParams,
      message: `params._meta must carry ${PROTOCOL_VERSION_META_KEY} and ${CLIENT_CAPABILITIES_META_KEY}`,
    };
  }

  const versionHeader = req.get('mcp-protocol-version');
  if (versionHeader === undefined) return headerMismatch('the MCP-Protocol-Version header is required');
  if (versionHeader !== requestedVersion) {
    return headerMismatch(`MCP-Protocol-Version header value '${versionHeader}' does not match body value '${requestedVersion}'`);
  }
  if (requestedVersion !== MODERN_PROTOCOL_VERSION) {
    return {
      status: 400,
      code: JSONRPC_ERROR.unsupportedProtocolVersion,
      message: 'Unsupported protocol version',
      data: { supported: SUPPORTED_VERSIONS, requested: requestedVersion },
    };
  }
  return undefined;
}

function headerMismatch(detail: string): RequestMetadataProblem {
  return { status: 400, code: JSONRPC_ERROR.headerMismatch, message: `Header mismatch: ${detail}` };
}

/** Values outside plain ASCII arrive as `=?base64?…?=` (2026-07-28 "Value Encoding"). */
function decodeHeaderValue(value: string): string | undefined {
  const encoded = /^=\?base64\?([A-Za-z0-9+/]*={0,2})\?=$/.exec(value);
  if (!encoded) return value.startsWith('=?base64?') ? undefined : value;
  return Buffer.from(encoded[1] ?? '', 'base64').toString('utf8');
}
