// Loaded with `node --import` into the official SDK's OAuth example, which sends no CORS headers on its
// MCP endpoint (its metadata and authorization routes have their own). This adds what a browser client
// needs on /mcp only, and leaves every other route as the example ships it: the answer to a preflight,
// Access-Control-Allow-Origin, and the response headers a client must read (Fetch §3.2.5,
// "CORS-safelisted response-header name": WWW-Authenticate and Mcp-Session-Id are not safelisted).
import http from 'node:http';

const createServer = http.createServer;

function withCors(listener) {
  return (request, response) => {
    if (!request.url?.startsWith('/mcp')) return listener(request, response);
    response.setHeader('Access-Control-Allow-Origin', request.headers.origin ?? '*');
    response.setHeader('Access-Control-Expose-Headers', 'WWW-Authenticate, Mcp-Session-Id');
    response.setHeader('Vary', 'Origin');
    if (request.method === 'OPTIONS' && request.headers['access-control-request-method']) {
      response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
      const asked = request.headers['access-control-request-headers'];
      if (asked) response.setHeader('Access-Control-Allow-Headers', asked);
      response.statusCode = 204;
      response.end();
      return;
    }
    return listener(request, response);
  };
}

http.createServer = function (...args) {
  const last = args.length - 1;
  if (typeof args[last] === 'function') args[last] = withCors(args[last]);
  return createServer.apply(this, args);
};
