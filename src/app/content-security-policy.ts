import type { Plugin } from 'vite';

/**
 * Server text is rendered as text, and a Content-Security-Policy backs that up: no inline
 * script, no eval, no plugins. Requests may go anywhere, because inspecting any MCP server
 * is the point. The policy goes into the built index.html; the dev server needs an inline
 * script for React Fast Refresh, so `npm start` gets the header without the script rule.
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

export function policy(options: { allowInlineScript?: boolean } = {}): string {
  return Object.entries(DIRECTIVES)
    .map(([name, value]) => (name === 'script-src' && options.allowInlineScript ? `${name} ${value} 'unsafe-inline'` : `${name} ${value}`))
    .join('; ');
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
      server.middlewares.use((_request, response, next) => {
        response.setHeader('Content-Security-Policy', policy({ allowInlineScript: true }));
        next();
      });
    },
  };
}
