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
  // Before a refresh or a step-up: is the authorization server still the one the client holds credentials for?
  | 'as-recheck'
  | 'audit'
  // A foreign HAR's requests, imported for viewing.
  | 'imported';
