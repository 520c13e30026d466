import type { IncomingMessage, ServerResponse } from 'node:http';

/** Where the app asks for the demo servers and the relay (src/ui/demo-config.ts). */
export const DEMO_CONFIG_PATH = '/__demo/config.json';

export interface DemoConfigAnswer {
  /** The config as JSON; it carries the relay secret. */
  json: string;
  /** The app's own origin: the only page that may read the secret. */
  appOrigin: string;
}

/**
 * Answers GET and HEAD of /__demo/config.json and returns true; returns false for any other request,
 * which the caller serves. The relay secret is for the app alone, so a request from another origin is
 * refused (the app's own same-origin GET carries no Origin). Vite's servers and the packaged static
 * server both answer through here.
 */
export function answerDemoConfig(request: IncomingMessage, response: ServerResponse, answer: DemoConfigAnswer): boolean {
  const path = request.url?.split('?')[0];
  if (path !== DEMO_CONFIG_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
  const origin = request.headers.origin;
  // A no-cors fetch or a <script src> from another site sends no Origin on a GET, but a browser
  // says where it comes from in Sec-Fetch-Site (Fetch Metadata, https://w3c.github.io/webappsec-fetch-metadata/).
  const site = request.headers['sec-fetch-site'];
  const fromAnotherSite = site === 'cross-site' || site === 'same-site';
  if ((origin !== undefined && origin !== answer.appOrigin) || fromAnotherSite) {
    // Vite's dev server would let any page read it (it sets Access-Control-Allow-Origin itself).
    response.removeHeader('Access-Control-Allow-Origin');
    response.statusCode = 403;
    response.end();
    return true;
  }
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('Cache-Control', 'no-store');
  response.end(answer.json);
  return true;
}
