import type { JSONRPCResponse } from '@modelcontextprotocol/sdk/types.js';
import { DEMO_SERVER_INFO, DEMO_SERVER_INSTRUCTIONS } from './demo-tools.ts';
import { SUPPORTED_VERSIONS } from './protocol-versions.ts';

const SERVER_INFO_META_KEY = 'io.modelcontextprotocol/serverInfo';

/** CacheableResult (2026-07-28 server/utilities/caching): the tool list is the same for everyone. */
const CACHE_HINTS = { ttlMs: 60_000, cacheScope: 'public' } as const;

/** DiscoverResult (2026-07-28 server/discover). */
export function discoverResult() {
  return {
    resultType: 'complete',
    supportedVersions: [...SUPPORTED_VERSIONS],
    capabilities: { tools: {} },
    instructions: DEMO_SERVER_INSTRUCTIONS,
    ...CACHE_HINTS,
    _meta: { [SERVER_INFO_META_KEY]: DEMO_SERVER_INFO },
  };
}

/**
 * Adds what 2026-07-28 requires of every result to an SDK (2025-11-25 shaped) response:
 * resultType, serverInfo in _meta, and cache hints where the result is cacheable.
 */
export function toModernResponse(response: JSONRPCResponse, method: string): JSONRPCResponse {
  if (!('result' in response)) return response;
  const { result } = response;
  return {
    ...response,
    result: {
      ...result,
      ...(method === 'tools/list' ? { tools: withoutTaskExecution(result.tools), ...CACHE_HINTS } : {}),
      resultType: 'complete',
      _meta: { ...result._meta, [SERVER_INFO_META_KEY]: DEMO_SERVER_INFO },
    },
  };
}

/** Tasks left the core protocol in 2026-07-28, and with them the Tool `execution` field. */
function withoutTaskExecution(tools: unknown): unknown {
  if (!Array.isArray(tools)) return tools;
  return tools.map((tool: unknown) => {
    if (typeof tool !== 'object' || tool === null) return tool;
    const { execution: _execution, ...rest } = tool as Record<string, unknown>;
    return rest;
  });
}
