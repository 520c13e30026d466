import { UserAgentError, gatedAuthorizeUrl, type AuthorizeRequest, type UserAgent } from '../../engine/flow/user-agent.ts';
import { listenForCallback } from './callback-channel.ts';
import { markLoginEnded, markLoginPending } from './pending-logins.ts';

const LOGIN_TIMEOUT_MS = 5 * 60_000;

export interface PopupOptions {
  /** The popup was blocked: go to the authorization server in this tab instead (the page unloads). */
  onPopupBlocked?(request: AuthorizeRequest): void;
}

export interface PopupUserAgent extends UserAgent {
  /** The user gave up on the login (the Cancel login button). Returns false when no login is pending. */
  cancelLogin(): boolean;
}

/**
 * The browser's user agent: a popup at the authorize URL, answered by our callback.html page.
 * A popup that looks closed is not taken as given up: an authorization server that sends
 * Cross-Origin-Opener-Policy cuts the app's view of the window while the user is still logging in,
 * and the callback then comes over the BroadcastChannel. So the user cancels, or the time runs out.
 */
export function createPopupUserAgent(options: PopupOptions = {}): PopupUserAgent {
  let cancelPending: (() => void) | undefined;
  return {
    cancelLogin() {
      if (!cancelPending) return false;
      cancelPending();
      return true;
    },
    authorize(request: AuthorizeRequest, signal?: AbortSignal) {
      return new Promise((resolve, reject) => {
        // Defence in depth: the authorize step has gated the URL; a refused one still never reaches
        // window.open (this throws, which rejects the promise with a 'refused' UserAgentError).
        const url = gatedAuthorizeUrl(request);
        // Recorded before the popup opens, which copies this tab's session storage (pending-logins.ts).
        markLoginPending(request.state);
        const popup = window.open(url, 'mcp-auth-flow-login', 'popup,width=560,height=760');
        if (!popup) {
          markLoginEnded(request.state);
          if (options.onPopupBlocked) {
            // The page is about to leave; this promise never settles, and the flow resumes on return.
            options.onPopupBlocked(request);
            return;
          }
          reject(new UserAgentError('popup-blocked', 'The browser blocked the login popup. Allow popups for this page, then press Reset and Run all.'));
          return;
        }
        const finish = (action: () => void) => {
          cancelPending = undefined;
          markLoginEnded(request.state);
          stopListening();
          window.clearTimeout(timeout);
          signal?.removeEventListener('abort', onAbort);
          action();
        };
        const stopListening = listenForCallback(
          request.state,
          (callbackUrl) =>
            finish(() => {
              popup.close();
              resolve({ callbackUrl });
            }),
          popup,
          (origin) =>
            finish(() => reject(new UserAgentError('other-origin', `The browser was sent back to ${origin}, not ${new URL(request.redirectUri).origin}.`))),
        );
        cancelPending = () =>
          finish(() => {
            if (!popup.closed) popup.close();
            reject(
              new UserAgentError(
                'closed',
                `The login was given up (the window closed or cancelled) before the authorization server redirected back to ${request.redirectUri}.`,
              ),
            );
          });
        const timeout = window.setTimeout(() => finish(() => reject(new UserAgentError('timeout', 'No callback arrived within 5 minutes.'))), LOGIN_TIMEOUT_MS);
        const onAbort = () =>
          finish(() => {
            popup.close();
            reject(new UserAgentError('cancelled', 'The flow was reset.'));
          });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
