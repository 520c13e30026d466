/** The MCP specification versions the engine knows, oldest first. */
export const SPEC_VERSIONS = ['2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'] as const;

export type SpecVersion = (typeof SPEC_VERSIONS)[number];

export const LATEST_SPEC_VERSION: SpecVersion = '2026-07-28';

export function isSpecVersion(value: unknown): value is SpecVersion {
  return typeof value === 'string' && (SPEC_VERSIONS as readonly string[]).includes(value);
}

/** True when `version` is `since` or newer. */
export function isAtLeast(version: SpecVersion, since: SpecVersion): boolean {
  return SPEC_VERSIONS.indexOf(version) >= SPEC_VERSIONS.indexOf(since);
}

/** The base of the authorization section of the spec, for links. */
export function authorizationSpecUrl(version: SpecVersion, anchor = ''): string {
  const base = `https://modelcontextprotocol.io/specification/${version}/basic/authorization`;
  return anchor ? `${base}#${anchor}` : base;
}
