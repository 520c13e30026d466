import { afterEach, describe, expect, it } from 'vitest';
import { UserAgentError } from '../engine/flow/user-agent.ts';
import { startLoopbackServer } from '../engine/test-support/loopback-server.ts';
import { startCallbackListener, type CallbackListener } from './callback-listener.ts';
import { NodeUserAgent, isRedirectTarget } from './node-user-agent.ts';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length) await cleanup.pop()!();
});

async function listen(): Promise<CallbackListener> {
  const listener = await startCallbackListener();
  cleanup.push(() => listener.close());
  return listener;
}

/** A fake authorization server: /authorize → /login (one hop on the AS) → the redirect URI with a code. */
async function autoApprovingServer() {
  const server = await startLoopbackServer((base) => (request, response) => {
    const url = new URL(request.url ?? '/', base);
    if (url.pathname === '/authorize') {
      response.writeHead(302, { Location: `/login?${url.searchParams}` }).end();
    } else if (url.pathname === '/login') {
      const target = new URL(url.searchParams.get('redirect_uri')!);
      target.searchParams.set('code', 'code-123');
      target.searchParams.set('state', url.searchParams.get('state')!);
      response.writeHead(302, { Location: target.href }).end();
    } else {
      response.writeHead(404).end();
    }
  });
  cleanup.push(() => server.close());
  return server;
}

/** A fake authorization server that shows a login page: a person has to act. */
async function loginPageServer() {
  const server = await startLoopbackServer(() => (_request, response) => {
    response.writeHead(200, { 'Content-Type': 'text/html' }).end('<form>Log in</form>');
  });
  cleanup.push(() => server.close());
  return server;
}

const authorizeUrl = (base: string, redirectUri: string, state: string) =>
  `${base}/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'c', redirect_uri: redirectUri, state })}`;

describe('NodeUserAgent', () => {
  it('follows redirects until one points at the redirect URI, without a browser', async () => {
    const listener = await listen();
    const server = await autoApprovingServer();
    const opened: string[] = [];
    const agent = new NodeUserAgent({ listener, openBrowser: (url) => opened.push(url) });

    const { callbackUrl } = await agent.authorize({ url: authorizeUrl(server.base, listener.redirectUri, 'st-1'), redirectUri: listener.redirectUri, state: 'st-1' });

    expect(callbackUrl).toBe(`${listener.redirectUri}?code=code-123&state=st-1`);
    expect(server.requests.map((entry) => new URL(entry.path, server.base).pathname)).toEqual(['/authorize', '/login']);
    expect(opened).toEqual([]);
  });

  it('prints the URL, opens the browser and waits for the loopback callback when a person must log in', async () => {
    const listener = await listen();
    const server = await loginPageServer();
    const log: string[] = [];
    const pages: string[] = [];
    const url = authorizeUrl(server.base, listener.redirectUri, 'st-2');
    const agent = new NodeUserAgent({
      listener,
      log: (line) => log.push(line),
      // The "browser": the person logs in and the AS sends them back. A stale callback comes first.
      openBrowser: () => {
        void (async () => {
          pages.push(await (await fetch(`${listener.redirectUri}?code=old&state=stale`)).text());
          pages.push(await (await fetch(`${listener.redirectUri}?code=code-456&state=st-2&iss=${encodeURIComponent(server.base)}`)).text());
        })();
      },
    });

    const { callbackUrl } = await agent.authorize({ url, redirectUri: listener.redirectUri, state: 'st-2' });

    expect(callbackUrl).toBe(`${listener.redirectUri}?code=code-456&state=st-2&iss=${encodeURIComponent(server.base)}`);
    expect(log.join('\n')).toContain(url);
    expect(log.join('\n')).toContain(`Waiting up to 5 min for the callback on ${listener.redirectUri}`);
    await expect.poll(() => pages.length).toBe(2);
    expect(pages[1]).toContain('authorization received');
  });

  it('gives up after the login timeout with a UserAgentError', async () => {
    const listener = await listen();
    const server = await loginPageServer();
    const agent = new NodeUserAgent({ listener, loginTimeoutMs: 200, openBrowser: () => undefined });
    const attempt = agent.authorize({ url: authorizeUrl(server.base, listener.redirectUri, 's'), redirectUri: listener.redirectUri, state: 's' });
    await expect(attempt).rejects.toBeInstanceOf(UserAgentError);
    await expect(attempt).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('stops waiting when the run is cancelled', async () => {
    const listener = await listen();
    const server = await loginPageServer();
    const controller = new AbortController();
    const agent = new NodeUserAgent({ listener, openBrowser: () => controller.abort() });
    const attempt = agent.authorize({ url: authorizeUrl(server.base, listener.redirectUri, 's'), redirectUri: listener.redirectUri, state: 's' }, controller.signal);
    await expect(attempt).rejects.toMatchObject({ reason: 'cancelled' });
  });
});

describe('the callback listener', () => {
  it('listens on 127.0.0.1 and answers anything but the callback path with 404', async () => {
    const listener = await listen();
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    const response = await fetch(new URL('/favicon.ico', listener.redirectUri));
    expect(response.status).toBe(404);
  });

  it('keeps a callback that arrives before anyone waits', async () => {
    const listener = await listen();
    const page = await fetch(`${listener.redirectUri}?error=access_denied&state=s`);
    expect(page.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await page.text()).toContain('sent an error');
    await expect(listener.next('s', 1000)).resolves.toBe(`${listener.redirectUri}?error=access_denied&state=s`);
  });
});

describe('isRedirectTarget', () => {
  it('compares origin and path, not the query', () => {
    expect(isRedirectTarget('http://127.0.0.1:4000/callback?code=1', 'http://127.0.0.1:4000/callback')).toBe(true);
    expect(isRedirectTarget('http://127.0.0.1:4000/callbackX?code=1', 'http://127.0.0.1:4000/callback')).toBe(false);
    expect(isRedirectTarget('http://localhost:4000/callback', 'http://127.0.0.1:4000/callback')).toBe(false);
    expect(isRedirectTarget('not a url', 'http://127.0.0.1:4000/callback')).toBe(false);
  });
});
