import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserAgentError } from '../engine/flow/user-agent.ts';

/**
 * The loopback redirect target for a native client (RFC 8252 §7.3): http://127.0.0.1:<port>/callback.
 * It starts before the flow, because the redirect URI is registered before authorization.
 */
export interface CallbackListener {
  readonly redirectUri: string;
  /**
   * The next callback URL whose `state` is `state` (any callback when it is undefined), including one
   * that arrived before the call. Rejects with a UserAgentError on timeout or abort.
   */
  next(state: string | undefined, timeoutMs: number, signal?: AbortSignal): Promise<string>;
  close(): Promise<void>;
}

const PAGE_OK = 'MCP Auth Flow: authorization received. You can close this window and return to the terminal.\n';
const PAGE_ERROR = 'MCP Auth Flow: the authorization server sent an error. The terminal shows the details; you can close this window.\n';

/** Listens on 127.0.0.1:`port` (a free port when 0). A busy port rejects with Node's EADDRINUSE error. */
export async function startCallbackListener(path = '/callback', port = 0): Promise<CallbackListener> {
  const arrived: string[] = [];
  const waiters = new Set<{ state: string | undefined; resolve: (url: string) => void }>();
  let redirectUri = '';

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', redirectUri);
    if (request.method !== 'GET' || url.pathname !== path) {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const callbackUrl = `${redirectUri}${url.search}`;
    // Plain text, never HTML: nothing from the query is echoed back.
    response
      .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' })
      .end(url.searchParams.has('error') ? PAGE_ERROR : PAGE_OK);
    const waiter = [...waiters].find((candidate) => matches(callbackUrl, candidate.state));
    if (waiter) {
      waiters.delete(waiter);
      waiter.resolve(callbackUrl);
    } else {
      arrived.push(callbackUrl);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  redirectUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;

  return {
    redirectUri,
    next(state, timeoutMs, signal) {
      const early = arrived.findIndex((url) => matches(url, state));
      if (early >= 0) return Promise.resolve(arrived.splice(early, 1)[0]!);
      return new Promise<string>((resolve, reject) => {
        const waiter = {
          state,
          resolve: (url: string) => {
            cleanup();
            resolve(url);
          },
        };
        const fail = (error: UserAgentError) => {
          waiters.delete(waiter);
          cleanup();
          reject(error);
        };
        const onAbort = () => fail(new UserAgentError('cancelled', 'The run was cancelled while waiting for the callback.'));
        const timer = setTimeout(
          () =>
            fail(
              new UserAgentError(
                'timeout',
                // Two causes look alike from here: nobody finished the login in time, or the server showed an error page
                // (an unregistered redirect_uri) instead of redirecting back. Name both, the commoner first.
                `No callback reached ${redirectUri} within ${Math.round(timeoutMs / 1000)} s (--login-timeout): either no one finished the login in the browser in time, or the authorization server showed an error page instead of redirecting back.`,
              ),
            ),
          timeoutMs,
        );
        const cleanup = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        waiters.add(waiter);
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function matches(callbackUrl: string, state: string | undefined): boolean {
  return state === undefined || new URL(callbackUrl).searchParams.get('state') === state;
}
