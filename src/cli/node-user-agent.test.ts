import { afterEach, describe, expect, it } from 'vitest';
import { UserAgentError } from '../engine/flow/user-agent.ts';
import { startLoopbackServer } from '../engine/test-support/loopback-server.ts';
import { startCallbackListener, type CallbackListener } from './callback-listener.ts';
import { NodeUserAgent, isRedirectTarget } from './node-user-agent.ts';
import { openSystemBrowser } from './open-browser.ts';

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

    const { callbackUrl } = await agent.authorize({
      url: authorizeUrl(server.base, listener.redirectUri, 'st-1'),
      redirectUri: listener.redirectUri,
      state: 'st-1',
    });

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
    // The message names the likelier cause (no one logged in) beside an unregistered redirect_uri, and the flag.
    await expect(attempt).rejects.toThrow(
      /--login-timeout\): either no one finished the login in the browser in time, or the authorization server showed an error page/,
    );
  });

  it('stops waiting when the run is cancelled', async () => {
    const listener = await listen();
    const server = await loginPageServer();
    const controller = new AbortController();
    const agent = new NodeUserAgent({ listener, openBrowser: () => controller.abort() });
    const attempt = agent.authorize(
      { url: authorizeUrl(server.base, listener.redirectUri, 's'), redirectUri: listener.redirectUri, state: 's' },
      controller.signal,
    );
    await expect(attempt).rejects.toMatchObject({ reason: 'cancelled' });
  });
});

describe('NodeUserAgent and the URL gate', () => {
  it.each([
    'javascript:window.__pwned=1',
    'file:///etc/passwd',
    'data:text/html,<script>1</script>',
    'ms-settings:privacy',
    'http://example.invalid/authorize',
  ])('refuses %s: it is neither fetched, printed nor opened', async (url) => {
    const listener = await listen();
    const opened: string[] = [];
    const fetched: string[] = [];
    const log: string[] = [];
    const agent = new NodeUserAgent({
      listener,
      log: (line) => log.push(line),
      openBrowser: (target) => opened.push(target),
      fetchImpl: async (input) => (fetched.push(String(input)), new Response('')),
    });
    const attempt = agent.authorize({ url, redirectUri: listener.redirectUri, state: 's' });
    await expect(attempt).rejects.toMatchObject({ reason: 'refused' });
    await expect(attempt).rejects.toThrow(`The authorization URL ${JSON.stringify(url)} was not opened`);
    expect({ opened, fetched, log }).toEqual({ opened: [], fetched: [], log: [] });
  });
});

describe('openSystemBrowser', () => {
  const system = (platform: NodeJS.Platform) => {
    const spawned: Array<[string, string[]]> = [];
    return { spawned, platform, env: { DISPLAY: ':0' }, spawn: (command: string, args: string[]) => void spawned.push([command, args]) };
  };

  it('never hands a scheme other than http(s) to the system opener, on any platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const spy = system(platform);
      for (const url of ['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'ms-settings:', 'vbscript:x', 'not a url']) openSystemBrowser(url, spy);
      expect(spy.spawned, platform).toEqual([]);
    }
  });

  it('uses explorer.exe on Windows, not rundll32, with commas encoded so no part becomes another argument', () => {
    const spy = system('win32');
    openSystemBrowser('https://auth.example.com/authorize?scope=a,b&x=C:\\evil.exe', spy);
    expect(spy.spawned).toEqual([['explorer.exe', ['https://auth.example.com/authorize?scope=a%2Cb&x=C:\\evil.exe']]]);
  });

  it('uses xdg-open on Linux with a display, and open on macOS', () => {
    const linux = system('linux');
    const mac = system('darwin');
    openSystemBrowser('http://127.0.0.1:3000/authorize?a=1', linux);
    openSystemBrowser('https://auth.example.com/authorize', mac);
    expect(linux.spawned).toEqual([['xdg-open', ['http://127.0.0.1:3000/authorize?a=1']]]);
    expect(mac.spawned).toEqual([['open', ['https://auth.example.com/authorize']]]);
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
