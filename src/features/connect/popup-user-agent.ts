import { UserAgentError, type AuthorizeRequest, type UserAgent } from '../../engine/flow/user-agent.ts';
import { listenForCallback } from './callback-channel.ts';

const LOGIN_TIMEOUT_MS = 5 * 60_000;
/** A closed popup may still have a message in flight; wait this long before calling it abandoned. */
const CLOSE_GRACE_MS = 1_000;

export interface PopupOptions {
  /** The popup was blocked: go to the authorization server in this tab instead (the page unloads). */
  onPopupBlocked?(request: AuthorizeRequest): void;
}

/** The browser's user agent: a popup at the authorize URL, answered by our /callback page. */
export function createPopupUserAgent(options: PopupOptions = {}): UserAgent {
  return {
    authorize(request: AuthorizeRequest, signal?: AbortSignal) {
      return new Promise((resolve, reject) => {
        const popup = window.open(request.url, 'mcp-auth-flow-login', 'popup,width=560,height=760');
        if (!popup) {
          if (options.onPopupBlocked) {
            // The page is about to leave; this promise never settles, and the flow resumes on return.
            options.onPopupBlocked(request);
            return;
          }
          reject(new UserAgentError('popup-blocked', 'The browser blocked the login popup. Allow popups for this page, then press Reset and Run all.'));
          return;
        }
        let closedAt: number | undefined;
        const finish = (action: () => void) => {
          stopListening();
          window.clearInterval(poll);
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
          (origin) =>
            finish(() =>
              reject(new UserAgentError('other-origin', `The browser was sent back to ${origin}, not ${new URL(request.redirectUri).origin}.`)),
            ),
        );
        const poll = window.setInterval(() => {
          if (!popup.closed) return;
          closedAt ??= Date.now();
          if (Date.now() - closedAt < CLOSE_GRACE_MS) return;
          finish(() =>
            reject(
              new UserAgentError(
                'closed',
                `The login window was closed before the authorization server redirected back to ${request.redirectUri}.`,
              ),
            ),
          );
        }, 250);
        const timeout = window.setTimeout(
          () => finish(() => reject(new UserAgentError('timeout', 'No callback arrived within 5 minutes.'))),
          LOGIN_TIMEOUT_MS,
        );
        const onAbort = () => finish(() => {
          popup.close();
          reject(new UserAgentError('cancelled', 'The flow was reset.'));
        });
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    },
  };
}
