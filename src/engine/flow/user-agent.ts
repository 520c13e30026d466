/**
 * Authorization needs a user agent: someone has to log in and consent at the authorization
 * server. The browser app opens a popup; the CLI follows redirects or opens the system browser.
 */
export interface AuthorizeRequest {
  url: string;
  redirectUri: string;
  state: string;
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
    readonly reason: 'popup-blocked' | 'closed' | 'timeout' | 'cancelled' | 'other-origin',
    message: string,
  ) {
    super(message);
    this.name = 'UserAgentError';
  }
}
