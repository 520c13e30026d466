import { isAtLeast, type SpecVersion } from '../spec/versions.ts';

/** The steps of the client side of MCP authorization, in the order they run. */
export type StepKind =
  | 'mcp-unauthenticated'
  | 'challenge'
  | 'prm'
  | 'as-discovery'
  | 'registration'
  | 'authorize'
  | 'callback'
  | 'token'
  | 'mcp-authenticated'
  // After the first success, on demand:
  | 'tool-call'
  | 'refresh'
  | 'audit'
  // A foreign HAR's requests, imported for viewing.
  | 'imported';

/** The steps a version runs. 2025-03-26 has no protected resource metadata. */
export function stepsFor(version: SpecVersion): StepKind[] {
  const discovery: StepKind[] = isAtLeast(version, '2025-06-18') ? ['challenge', 'prm', 'as-discovery'] : ['as-discovery'];
  return ['mcp-unauthenticated', ...discovery, 'registration', 'authorize', 'callback', 'token', 'mcp-authenticated'];
}
