import { startImitation, type ImitationRequest } from './imitation.ts';

/**
 * A GitHub OAuth app behind an MCP server, on loopback. The PRM names https://github.com/login/oauth
 * (the origin stands in for github.com) as its authorization server, as developers write it; GitHub
 * publishes no metadata for it, neither RFC 8414 nor OpenID Connect discovery, so every well-known URL
 * a client builds answers github.com's HTML 404 page. Its endpoints (/login/oauth/authorize,
 * /login/oauth/access_token) exist but no document names them
 * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps).
 */

const NOT_FOUND_PAGE = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Page not found · GitHub · GitHub</title></head>
<body><main><h1>404 “This is not the web page you are looking for”</h1></main></body>
</html>`;

const notFound = ({ response }: ImitationRequest) => {
  response.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(NOT_FOUND_PAGE);
};

export function startGitHub() {
  return startImitation((base) => ({
    prm: { authorization_servers: [`${base}/login/oauth`], scopes_supported: ['read:user'], bearer_methods_supported: ['header'] },
    routes: {
      // Every URL a 2025-11-25 client builds for the issuer …/login/oauth (RFC 8414 §3.1, OIDC Discovery §4.1).
      '/.well-known/oauth-authorization-server/login/oauth': notFound,
      '/.well-known/openid-configuration/login/oauth': notFound,
      '/login/oauth/.well-known/openid-configuration': notFound,
    },
  }));
}
