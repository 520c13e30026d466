import { callbackState } from './pending-logins.ts';

/**
 * How the OAuth callback page hands the callback URL back to the app: postMessage to the
 * opener (same origin only), and a BroadcastChannel in case the opener link was severed.
 */
export const CALLBACK_MESSAGE_TYPE = 'mcp-auth-flow:callback';
/** From a callback page on another origin: where it landed, and nothing else (no code). */
export const ELSEWHERE_MESSAGE_TYPE = 'mcp-auth-flow:callback-elsewhere';
const CHANNEL_NAME = 'mcp-auth-flow';

export interface CallbackMessage {
  type: typeof CALLBACK_MESSAGE_TYPE;
  url: string;
}

export function isCallbackMessage(value: unknown): value is CallbackMessage {
  return (
    !!value && typeof value === 'object' && (value as CallbackMessage).type === CALLBACK_MESSAGE_TYPE && typeof (value as CallbackMessage).url === 'string'
  );
}

/**
 * Called on the callback page when the app opened it from another origin (localhost vs 127.0.0.1,
 * another port): tells the app where the browser landed. The code stays here, because '*' could
 * reach any page. Returns false when there is no such opener.
 */
export function reportLandedElsewhere(): boolean {
  const opener = window.opener as Window | null;
  if (!opener || isSameOrigin(opener)) return false;
  opener.postMessage({ type: ELSEWHERE_MESSAGE_TYPE, origin: window.location.origin }, '*');
  return true;
}

/**
 * Called on the callback page, once it knows the callback belongs to a login the app started.
 * `broadcast`: also over the BroadcastChannel, for a popup whose opener link was severed (COOP);
 * only for a callback whose `state` is pending, because every tab of the app hears it.
 */
export function deliverCallback(url: string, { broadcast }: { broadcast: boolean }): void {
  const message: CallbackMessage = { type: CALLBACK_MESSAGE_TYPE, url };
  const opener = window.opener as Window | null;
  if (opener) opener.postMessage(message, window.location.origin);
  if (!broadcast) return;
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage(message);
  channel.close();
}

function isSameOrigin(other: Window): boolean {
  try {
    return other.location.origin === window.location.origin;
  } catch {
    return false;
  }
}

/**
 * Listens on both paths until the callback for `state` arrives (or word that it went elsewhere).
 * Any other callback is ignored, so it cannot end this login. The one exception is a callback
 * without `state` posted by our own login window: that is the authorization server dropping
 * `state`, and the engine reports it (callback.state-mismatch) rather than waiting forever.
 */
export function listenForCallback(state: string, onCallback: (url: string) => void, popup: Window, onElsewhere: (origin: string) => void): () => void {
  const accept = (data: unknown, fromPopup: boolean) => {
    if (!isCallbackMessage(data)) return;
    const received = callbackState(data.url);
    if (received === state || (received === null && fromPopup)) onCallback(data.url);
  };
  const onMessage = (event: MessageEvent) => {
    if (event.origin === window.location.origin) accept(event.data, event.source === popup);
    // Only our own login window may say it landed elsewhere; anything else could stop the flow at will.
    else if (event.source === popup && event.data?.type === ELSEWHERE_MESSAGE_TYPE && event.origin === event.data.origin) onElsewhere(event.origin);
  };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event) => accept(event.data, false);
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    channel.close();
  };
}
