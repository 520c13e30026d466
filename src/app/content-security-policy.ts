import { createHash } from 'node:crypto';
import type { Connect, Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Server text is rendered as text, and a Content-Security-Policy backs that up: no inline
 * script, no eval, no plugins. Requests may go anywhere, because inspecting any MCP server
 * is the point. The built index.html carries the policy in a meta tag; the dev server and
 * `vite preview` send it as a header, which can also forbid framing.
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

/**
 * React Fast Refresh (@vitejs/plugin-react) puts one inline module script into the dev page.
 * The dev server allows that script by its hash, and nothing else inline: a nonce in Vite is one
 * fixed value for every response, while a hash allows exactly this text (CSP3 "hash-source").
 * Fast Refresh stays, because `npm start` is also how the app is developed. The text comes from
 * the plugin itself (with base "/", as the plugin writes it), so an upgrade cannot leave a stale hash.
 */
export function fastRefreshPreambleHash(): string {
  const preamble = react.preambleCode.replace('__BASE__', '/');
  return `'sha256-${createHash('sha256').update(preamble, 'utf8').digest('base64')}'`;
}

export function policy(options: { scriptHashes?: readonly string[]; header?: boolean } = {}): string {
  const directives: Record<string, string> = { ...DIRECTIVES };
  if (options.scriptHashes?.length) directives['script-src'] = [directives['script-src'], ...options.scriptHashes].join(' ');
  // frame-ancestors is ignored (with a console warning) in a meta tag (CSP3 §6.4.2), so only headers carry it.
  if (options.header) directives['frame-ancestors'] = "'none'";
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}

function sendSecurityHeaders(value: string): Connect.NextHandleFunction {
  return (_request, response, next) => {
    response.setHeader('Content-Security-Policy', value);
    // For browsers that predate frame-ancestors (RFC 7034).
    response.setHeader('X-Frame-Options', 'DENY');
    next();
  };
}

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'mcp-auth-flow:csp',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (context.server) return [];
        return [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy() }, injectTo: 'head-prepend' }];
      },
    },
    configureServer(server) {
      server.middlewares.use(sendSecurityHeaders(policy({ scriptHashes: [fastRefreshPreambleHash()], header: true })));
    },
    configurePreviewServer(server) {
      server.middlewares.use(sendSecurityHeaders(policy({ header: true })));
    },
  };
}
