import { gatedAuthorizeUrl, type AuthorizeRequest, type AuthorizeResult, type UserAgent } from '../engine/flow/user-agent.ts';
import { judgeUrl } from '../engine/security/openable-url.ts';
import type { CallbackListener } from './callback-listener.ts';
import { openSystemBrowser } from './open-browser.ts';

export interface NodeUserAgentOptions {
  listener: CallbackListener;
  /** How many redirects to follow looking for our redirect URI. */
  maxRedirects?: number;
  /** Time limit for each GET while following redirects. */
  requestTimeoutMs?: number;
  /** How long a person gets to log in in the browser. */
  loginTimeoutMs?: number;
  openBrowser?: (url: string) => void;
  /** Where to tell the person what to do (stderr in the CLI, so --json stays clean). */
  log?: (line: string) => void;
  fetchImpl?: typeof fetch;
}

/**
 * The user agent of the headless CLI. An authorization server that approves at once (a test
 * server, a pre-consented client) answers the authorize URL with a redirect to our redirect URI:
 * follow redirects by hand and take that Location as the callback. Otherwise a person has to log
 * in: print the URL, open the browser, and wait for the loopback listener to receive the callback.
 */
export class NodeUserAgent implements UserAgent {
  private readonly maxRedirects: number;
  private readonly requestTimeoutMs: number;
  private readonly loginTimeoutMs: number;

  constructor(private readonly options: NodeUserAgentOptions) {
    this.maxRedirects = options.maxRedirects ?? 5;
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
    this.loginTimeoutMs = options.loginTimeoutMs ?? 5 * 60_000;
  }

  async authorize(request: AuthorizeRequest, signal?: AbortSignal): Promise<AuthorizeResult> {
    // The gate first: a refused URL is neither fetched nor printed as something to open, nor opened.
    const url = gatedAuthorizeUrl(request);
    const direct = await this.followRedirects(url, request.redirectUri, signal);
    if (direct) return { callbackUrl: direct };

    const { listener, log = () => undefined, openBrowser = openSystemBrowser } = this.options;
    log('The authorization server wants a person to log in. Open this URL in a browser:');
    log(`  ${url}`);
    log(`Waiting up to ${duration(this.loginTimeoutMs)} for the callback on ${listener.redirectUri}…`);
    const waiting = listener.next(request.state, this.loginTimeoutMs, signal);
    openBrowser(url);
    return { callbackUrl: await waiting };
  }

  /** The callback URL when the redirects lead straight back to us; undefined when a page wants a person. */
  private async followRedirects(start: string, redirectUri: string, signal?: AbortSignal): Promise<string | undefined> {
    const fetchImpl = this.options.fetchImpl ?? fetch;
    let url = start;
    for (let hop = 0; hop <= this.maxRedirects; hop += 1) {
      const timeout = AbortSignal.timeout(this.requestTimeoutMs);
      let response: Response;
      try {
        response = await fetchImpl(url, { redirect: 'manual', signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
      } catch {
        if (signal?.aborted) throw signal.reason;
        // Unreachable from here; the system browser may still get through (a proxy, a VPN).
        return undefined;
      }
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || !location) return undefined;
      const next = new URL(location, url).href;
      if (isRedirectTarget(next, redirectUri)) return next;
      // Only http(s) is followed; the browser, which refuses such redirects itself, gets the start URL.
      if (judgeUrl(next).kind === 'refused') return undefined;
      url = next;
    }
    return undefined;
  }
}

/** Same origin and path as our redirect URI; the query (code, state, iss) is the callback's own. */
export function isRedirectTarget(candidate: string, redirectUri: string): boolean {
  try {
    const a = new URL(candidate);
    const b = new URL(redirectUri);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

function duration(ms: number): string {
  return ms >= 120_000 ? `${Math.round(ms / 60_000)} min` : `${Math.round(ms / 1000)} s`;
}
