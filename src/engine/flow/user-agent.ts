import { openableHref } from '../security/openable-url.ts';

/**
 * Authorization needs a user agent: someone has to log in and consent at the authorization
 * server. The browser app opens a popup; the CLI follows redirects or opens the system browser.
 */
export interface AuthorizeRequest {
  url: string;
  redirectUri: string;
  state: string;
  /** The user chose "Continue anyway" past a plain-http endpoint on a public host, so it may be opened. */
  insecureHttpAccepted?: boolean;
}

export interface AuthorizeResult {
  /** The full URL the authorization server redirected back to. */
  callbackUrl: string;
}

export interface UserAgent {
  authorize(request: AuthorizeRequest, signal?: AbortSignal): Promise<AuthorizeResult>;
}

/** Thrown by a user agent when no callback will come (popup blocked or closed, timeout). */
export class UserAgentError extends Error {
  constructor(
    /** other-origin: the server sent the browser back to another origin than the redirect URI's. */
    /** refused: the URL failed the gate (src/engine/security/openable-url.ts) and was never opened. */
    readonly reason: 'popup-blocked' | 'closed' | 'timeout' | 'cancelled' | 'other-origin' | 'refused',
    message: string,
  ) {
    super(message);
    this.name = 'UserAgentError';
  }
}

/**
 * The URL a user agent may open for `request`, after the gate. Every user agent calls this right
 * before it opens anything (defence in depth: the authorize step has already checked), so a
 * refused URL never reaches window.open, location or the system browser.
 */
export function gatedAuthorizeUrl(request: AuthorizeRequest): string {
  const gated = openableHref(request.url, request.insecureHttpAccepted ? { insecureHttpAccepted: true } : {});
  if ('refused' in gated) throw new UserAgentError('refused', `The authorization URL ${gated.refused}`);
  return gated.href;
}
