import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import type { Request } from 'express';

/** The stateless revision the SDK does not implement yet (no initialize, no session). */
export const MODERN_PROTOCOL_VERSION = '2026-07-28';

/** Versions with an initialize handshake and sessions, served by the SDK transport. */
export const LEGACY_PROTOCOL_VERSIONS: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS;

export const SUPPORTED_VERSIONS: readonly string[] = [MODERN_PROTOCOL_VERSION, ...LEGACY_PROTOCOL_VERSIONS];

export const PROTOCOL_VERSION_META_KEY = 'io.modelcontextprotocol/protocolVersion';

/**
 * A dual-era server picks the era from how the client opens (2026-07-28 basic/versioning):
 * per-request _meta or a modern version header means stateless; initialize means a session.
 * An unknown version header also goes the modern way, whose error lists what we support.
 */
export function isModernRequest(req: Request): boolean {
  const headerVersion = req.get('mcp-protocol-version');
  if (headerVersion !== undefined) return !LEGACY_PROTOCOL_VERSIONS.includes(headerVersion);
  const meta = (req.body as { params?: { _meta?: Record<string, unknown> } } | undefined)?.params?._meta;
  return typeof meta?.[PROTOCOL_VERSION_META_KEY] === 'string';
}
