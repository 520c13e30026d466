/**
 * The `state` of every login this tab has started and not yet finished, in sessionStorage.
 * The callback page checks here before it hands a callback to the app, so a page on another
 * site that opens our callback.html cannot end a login it did not start (RFC 6749 §10.12: `state`
 * binds the callback to the request).
 *
 * sessionStorage is per origin and per tab, so another site can neither read nor write it. The
 * login popup gets a copy of its opener's session storage when it is opened (HTML, "creating a
 * new auxiliary browsing context"), which is why a state is recorded before the popup opens.
 * A page another site opens starts with an empty one. The callback page also looks in its
 * opener's storage when the opener is the app (same origin), because a popup window that is
 * reused for a later login keeps its first copy.
 */
const KEY = 'mcp-auth-flow:pending-logins';
/** More than a few at once only happens when something is wrong; the oldest go first. */
const MAX_PENDING = 8;

function readPending(storage: Storage = sessionStorage): string[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

function writePending(states: string[]): void {
  if (states.length === 0) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, JSON.stringify(states.slice(-MAX_PENDING)));
}

export function markLoginPending(state: string): void {
  writePending([...readPending().filter((pending) => pending !== state), state]);
}

export function markLoginEnded(state: string): void {
  writePending(readPending().filter((pending) => pending !== state));
}

/** This tab's pending states, and its opener's when the opener is the app. */
function visiblePending(): string[] {
  let openerStorage: Storage | undefined;
  try {
    const opener = window.opener as Window | null;
    if (opener && opener.location.origin === window.location.origin) openerStorage = opener.sessionStorage;
  } catch {
    // An opener on another origin: its storage is not ours to read.
  }
  return openerStorage ? [...readPending(), ...readPending(openerStorage)] : readPending();
}

export function isLoginPending(state: string | null): boolean {
  return state !== null && state !== '' && visiblePending().includes(state);
}

/** True in our own login popup (and the app tab) while a login waits, whatever the callback says. */
export function hasPendingLogin(): boolean {
  return visiblePending().length > 0;
}

export function callbackState(url: string): string | null {
  return URL.parse(url)?.searchParams.get('state') ?? null;
}
