import { createHash } from 'node:crypto';
import type { Connect, Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { policy, securityHeaders } from '../serve/content-security-policy.ts';

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

/** The dev server and `vite preview` send the policy as the packaged static server does (src/serve). */
function sendSecurityHeaders(value: string): Connect.NextHandleFunction {
  const headers = Object.entries(securityHeaders(value));
  return (_request, response, next) => {
    for (const [name, header] of headers) response.setHeader(name, header);
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
