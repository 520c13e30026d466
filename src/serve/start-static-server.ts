import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sep } from 'node:path';
import { policy, securityHeaders } from './content-security-policy.ts';
import { contentTypeFor } from './content-types.ts';
import { answerDemoConfig, type DemoConfigAnswer } from './demo-config-endpoint.ts';
import { staticFilePath } from './static-file-path.ts';

export interface StaticServerOptions {
  /** The built app: the folder that holds index.html and callback.html. */
  root: string;
  /** 0 for any free port. */
  port: number;
}

export interface RunningStaticServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  /** Publishes the demo config (relay, demo servers) at /__demo/config.json; until then that path is a 404. */
  serveDemoConfig(config: unknown): void;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * A page another site rebinds to 127.0.0.1 (DNS rebinding) still sends its own Host; only these are
 * answered. The whole Host is matched (RFC 9110 §7.2: host, then an optional port), so neither
 * `[::1]attacker.example` nor `localhost:1.attacker.example` passes.
 */
const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i;

/**
 * Serves the built app from `root`, on 127.0.0.1 only, the way a plain static host would: files as they
 * are, with their Content-Type, and a 404 for anything else (no listing, no SPA fallback; the OAuth
 * callback is a real file). Every answer carries the CSP as a header, which, unlike the build's meta tag,
 * can forbid framing.
 */
export async function startStaticServer({ root, port }: StaticServerOptions): Promise<RunningStaticServer> {
  let demoConfig: DemoConfigAnswer | undefined;
  // Files are served only if they really are under the app folder: a symbolic link inside it that
  // points elsewhere is a 404 (the folder itself may be reached through a link, as with npm link).
  const realRoot = await realpath(root);
  const headers = { ...securityHeaders(policy({ header: true })), 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    handle(request, response).catch(() => {
      if (!response.headersSent) response.statusCode = 500;
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!LOOPBACK_HOST.test(request.headers.host ?? '')) return plain(response, 421, 'This server answers only requests to 127.0.0.1 or localhost.');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('Allow', 'GET, HEAD');
      return plain(response, 405, 'Method not allowed.');
    }
    if (demoConfig && answerDemoConfig(request, response, demoConfig)) return;
    const path = (request.url ?? '/').split('?')[0]!;
    const named = staticFilePath(root, path);
    const file = named ? await realpath(named).catch(() => null) : null;
    const info = file?.startsWith(realRoot + sep) ? await stat(file).catch(() => null) : null;
    if (!file || !info?.isFile()) return plain(response, 404, 'Not found.');
    response.setHeader('Content-Type', contentTypeFor(file));
    response.setHeader('Content-Length', info.size);
    // Vite names assets by content hash; the pages themselves must be asked for again after an upgrade.
    response.setHeader('Cache-Control', path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (request.method === 'HEAD') return void response.end();
    await new Promise<void>((resolve, reject) => {
      createReadStream(file).on('error', reject).pipe(response).on('finish', resolve).on('error', reject);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://${HOST}:${actualPort}`;
  return {
    origin,
    port: actualPort,
    serveDemoConfig: (config) => {
      demoConfig = { json: JSON.stringify(config), appOrigin: origin };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; they would hold close() open.
        server.closeAllConnections();
      }),
  };
}

function plain(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.end(text);
}
