import type { FlowSession } from '../../engine/model/session.ts';
import { callbackState } from './pending-logins.ts';

/**
 * When the popup is blocked, the login happens in this tab: the session waits in sessionStorage
 * for the round trip and is removed as soon as the app takes it back. It holds the PKCE verifier
 * and state, never a token (there is none yet), and never goes to localStorage.
 */
const SESSION_KEY = 'mcp-auth-flow:redirect-session';
const CALLBACK_KEY = 'mcp-auth-flow:redirect-callback';

export function saveForRedirect(session: FlowSession): void {
  // A step-up's redirect happens after tokens exist; they are not needed to finish it, so they stay behind.
  const { tokens: _tokens, ...learned } = session.learned;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ ...session, learned }));
}

/**
 * Called by the callback page when no app window is waiting for it. Returns false when nothing
 * was saved, or when the callback carries a `state` other than the saved login's: then it is not
 * ours. A callback without `state` is kept, so the engine can report the missing state.
 */
export function rememberCallback(url: string): boolean {
  const saved = sessionStorage.getItem(SESSION_KEY);
  if (!saved) return false;
  const state = callbackState(url);
  if (state !== null && state !== savedState(saved)) return false;
  sessionStorage.setItem(CALLBACK_KEY, url);
  return true;
}

function savedState(saved: string): string | undefined {
  try {
    return (JSON.parse(saved) as Partial<FlowSession>).learned?.state;
  } catch {
    return undefined;
  }
}

/** The saved session and the callback URL, once; both are wiped whatever happens. */
export function takeResume(): { session: FlowSession; callbackUrl: string } | undefined {
  const saved = sessionStorage.getItem(SESSION_KEY);
  const callbackUrl = sessionStorage.getItem(CALLBACK_KEY);
  forgetRedirect();
  if (!saved || !callbackUrl) return undefined;
  try {
    const session = JSON.parse(saved) as FlowSession;
    return session?.format === 'mcp-auth-flow/session@1' ? { session, callbackUrl } : undefined;
  } catch {
    return undefined;
  }
}

export function forgetRedirect(): void {
  sessionStorage.removeItem(SESSION_KEY);
  sessionStorage.removeItem(CALLBACK_KEY);
}
