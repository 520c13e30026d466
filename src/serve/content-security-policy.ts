/**
 * Server text is rendered as text, and a Content-Security-Policy backs that up: no inline
 * script, no eval, no plugins. Requests may go anywhere, because inspecting any MCP server
 * is the point. The built index.html carries the policy in a meta tag; the servers that can
 * (the dev server, `vite preview`, the packaged static server) send it as a header, which can
 * also forbid framing.
 */
const DIRECTIVES = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': '* ws: wss:',
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};

export function policy(options: { scriptHashes?: readonly string[]; header?: boolean } = {}): string {
  const directives: Record<string, string> = { ...DIRECTIVES };
  if (options.scriptHashes?.length) directives['script-src'] = [directives['script-src'], ...options.scriptHashes].join(' ');
  // frame-ancestors is ignored (with a console warning) in a meta tag (CSP3 §6.4.2), so only headers carry it.
  if (options.header) directives['frame-ancestors'] = "'none'";
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

/** The headers every page of the app is sent with, given the policy for that server. */
export function securityHeaders(contentSecurityPolicy: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy,
    // For browsers that predate frame-ancestors (RFC 7034).
    'X-Frame-Options': 'DENY',
  };
}
