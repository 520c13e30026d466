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
    !!value &&
    typeof value === 'object' &&
    (value as CallbackMessage).type === CALLBACK_MESSAGE_TYPE &&
    typeof (value as CallbackMessage).url === 'string'
  );
}

/** Called on the callback page. Returns true when an opener window was there to receive it. */
export function deliverCallback(url: string): boolean {
  const message: CallbackMessage = { type: CALLBACK_MESSAGE_TYPE, url };
  const opener = window.opener as Window | null;
  if (opener && !isSameOrigin(opener)) {
    // The app runs elsewhere (localhost vs 127.0.0.1, another port). Tell it where we are;
    // the code stays here, because '*' could reach any page.
    opener.postMessage({ type: ELSEWHERE_MESSAGE_TYPE, origin: window.location.origin }, '*');
    return true;
  }
  if (opener) opener.postMessage(message, window.location.origin);
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage(message);
  channel.close();
  return !!opener;
}

function isSameOrigin(other: Window): boolean {
  try {
    return other.location.origin === window.location.origin;
  } catch {
    return false;
  }
}

/** Listens on both paths until a callback for `state` arrives (or word that it went elsewhere). */
export function listenForCallback(state: string, onCallback: (url: string) => void, popup: Window, onElsewhere: (origin: string) => void): () => void {
  const accept = (data: unknown) => {
    if (!isCallbackMessage(data)) return;
    // The state check proper happens in the engine; this only skips a stale popup's message.
    const received = new URL(data.url).searchParams.get('state');
    if (received !== null && received !== state) return;
    onCallback(data.url);
  };
  const onMessage = (event: MessageEvent) => {
    if (event.origin === window.location.origin) accept(event.data);
    // Only our own login window may say it landed elsewhere; anything else could stop the flow at will.
    else if (event.source === popup && event.data?.type === ELSEWHERE_MESSAGE_TYPE && event.origin === event.data.origin) onElsewhere(event.origin);
  };
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = (event) => accept(event.data);
  window.addEventListener('message', onMessage);
  return () => {
    window.removeEventListener('message', onMessage);
    channel.close();
  };
}
