import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStaticServer, type RunningStaticServer } from './start-static-server.ts';

let folder: string;
let server: RunningStaticServer;
const SECRET_NEXT_TO_THE_APP = 'secret file next to the app folder';

beforeAll(async () => {
  // An app folder as `vite build` writes it, and a file beside it that must never be served.
  folder = await mkdtemp(join(tmpdir(), 'static-server-'));
  const root = join(folder, 'app');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>the app</title>');
  await writeFile(join(root, 'callback.html'), '<!doctype html><title>callback</title>');
  await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(join(folder, 'secret.txt'), SECRET_NEXT_TO_THE_APP);
  // A link inside the app folder that points out of it (a careless build step, or a shared folder).
  await symlink(join(folder, 'secret.txt'), join(root, 'assets', 'linked.txt'));
  server = await startStaticServer({ root, port: 0 });
});

afterAll(async () => {
  await server.close();
  await rm(folder, { recursive: true, force: true });
});

/** A request with the path exactly as written: fetch() would resolve `..` before sending. */
function raw(path: string, { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('the packaged static server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.origin).toBe(`http://127.0.0.1:${server.port}`);
  });

  it('serves the app, its callback page and its assets, each with its Content-Type', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('the app');
    expect((await raw('/index.html')).body).toContain('the app');
    expect((await raw('/callback.html?code=abc&state=xyz')).body).toContain('callback');
    expect((await raw('/assets/index-abc123.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await raw('/assets/index-abc123.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await raw('/assets/logo.svg')).headers['content-type']).toBe('image/svg+xml');
  });

  it('sends the CSP as a header with frame-ancestors, X-Frame-Options DENY and nosniff', async () => {
    const page = await raw('/');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers 404 for an unknown path instead of falling back to the app, and lists no folder', async () => {
    for (const path of ['/callback', '/no/such/page', '/assets/', '/assets', '/index.html/']) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain('the app');
      expect(answer.body, path).not.toContain('index-abc123');
    }
  });

  it('never serves a file outside the app folder, however the path is written', async () => {
    const attempts = [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/%00/../secret.txt',
      '/%E0%A4%A',
      '//secret.txt',
      '/./index.html',
      '/%252e%252e/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '/assets/linked.txt',
    ];
    for (const path of attempts) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain(SECRET_NEXT_TO_THE_APP);
    }
  });

  it('answers only GET and HEAD', async () => {
    const post = await raw('/', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
    const head = await raw('/assets/index-abc123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String('console.log(1)'.length));
    expect(head.body).toBe('');
  });

  it('refuses a request for another host name (a DNS-rebinding page)', async () => {
    const answer = await raw('/', { headers: { host: `attacker.example:${server.port}` } });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain('the app');
    expect((await raw('/', { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
    for (const host of ['[::1]attacker.example', `[::1]attacker.example:${server.port}`, `localhost:${server.port}.attacker.example`]) {
      expect((await raw('/', { headers: { host } })).status, host).toBe(421);
    }
  });

  it('publishes the demo config to the app only, once it is known', async () => {
    expect((await raw('/__demo/config.json')).status).toBe(404);
    const config = { relay: { url: 'http://127.0.0.1:7199', secret: 'relay-secret-made-at-this-start-0123456789ab' } };
    server.serveDemoConfig(config);

    const fromApp = await fetch(`${server.origin}/__demo/config.json`);
    expect(fromApp.headers.get('content-type')).toBe('application/json');
    expect(fromApp.headers.get('cache-control')).toBe('no-store');
    expect(await fromApp.json()).toEqual(config);
    expect((await fetch(`${server.origin}/__demo/config.json`, { headers: { origin: server.origin } })).status).toBe(200);

    const fromOtherPage = await raw('/__demo/config.json', { headers: { origin: 'http://localhost:3000' } });
    expect(fromOtherPage.status).toBe(403);
    expect(fromOtherPage.body).not.toContain(config.relay.secret);
  });

  it('keeps the relay secret from a cross-site request that carries no Origin (a no-cors fetch, a script tag)', async () => {
    const config = { relay: { url: 'http://127.0.0.1:7199', secret: 'relay-secret-made-at-this-start-0123456789ab' } };
    server.serveDemoConfig(config);
    for (const site of ['cross-site', 'same-site']) {
      const answer = await raw('/__demo/config.json', { headers: { 'sec-fetch-site': site, 'sec-fetch-mode': 'no-cors' } });
      expect(answer.status, site).toBe(403);
      expect(answer.body, site).not.toContain(config.relay.secret);
    }
    const fromApp = await raw('/__demo/config.json', { headers: { 'sec-fetch-site': 'same-origin', 'sec-fetch-mode': 'cors' } });
    expect(fromApp.body).toContain(config.relay.secret);
  });
});
