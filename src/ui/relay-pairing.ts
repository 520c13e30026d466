/**
 * Pairing a hosted copy of the app with a relay on the user's machine. `mcp-auth-flow relay
 * --allow-origin <origin>` prints `<app-url>#relay=<url>&secret=<secret>`: the fragment never
 * reaches the host's server (RFC 3986 §3.5; browsers do not send it), so the secret stays between
 * the terminal and this tab. The pairing lives in sessionStorage (this tab only, gone when it
 * closes), never in localStorage, and the fragment is removed from the address at once.
 */
export interface PairedRelay {
  /** http://127.0.0.1:<port> (or localhost, or [::1]), without a trailing slash. */
  url: string;
  secret: string;
}

/** What a pairing link did on load: nothing (no link), paired, or refused with the reason. */
export type PairingLinkOutcome = { kind: 'none' } | { kind: 'paired'; pairing: PairedRelay } | { kind: 'refused'; reason: string };

export const PAIRING_STORAGE_KEY = 'mcp-auth-flow:paired-relay';

/** The hosts a relay listens on: it refuses any other (src/relay/loopback-host.ts). */
const LOOPBACK_HOSTNAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);
/** The relay's secret is 32 random bytes in base64url (43 characters, src/relay/relay-secret.ts); a bound keeps a crafted one small. */
const SECRET_PATTERN = /^[A-Za-z0-9_-]{43,256}$/;
/** A pairing fragment is two short values; a longer one is not ours and is parsed no further than this. */
const MAX_FRAGMENT_LENGTH = 1_024;

/**
 * The relay URL as the app will call it, or null. Only plain http on a loopback host with an
 * explicit port and nothing else: a link that named any other host would turn the app into a
 * client of someone else's server, with the secret sent along.
 */
export function pairableRelayUrl(value: string): string | null {
  const url = URL.parse(value);
  if (!url || url.protocol !== 'http:' || !LOOPBACK_HOSTNAMES.has(url.hostname) || url.port === '') return null;
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
  return `http://${url.host}`;
}

export function isPairingSecret(value: string): boolean {
  return SECRET_PATTERN.test(value);
}

/** Reads `#relay=…&secret=…`; 'none' when the fragment is not a pairing link. */
export function readPairingFragment(hash: string): PairingLinkOutcome {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  // Only the start of a long fragment is read, to tell a pairing link (whose secret must still leave the address) from anything else.
  const params = new URLSearchParams(fragment.slice(0, MAX_FRAGMENT_LENGTH));
  const relay = params.get('relay');
  const secret = params.get('secret');
  if (relay === null && secret === null) return { kind: 'none' };
  if (fragment.length > MAX_FRAGMENT_LENGTH)
    return { kind: 'refused', reason: 'The pairing link was not used: it is longer than the relay prints. Copy the whole link again.' };
  if (params.getAll('relay').length > 1 || params.getAll('secret').length > 1) {
    return { kind: 'refused', reason: 'The pairing link was not used: it names the relay or the secret twice. Copy the whole link again.' };
  }
  const url = relay === null ? null : pairableRelayUrl(relay);
  if (!url) {
    return {
      kind: 'refused',
      reason: 'The pairing link was not used: the relay address in it must be http://127.0.0.1:<port>, http://localhost:<port> or http://[::1]:<port>.',
    };
  }
  if (secret === null || !isPairingSecret(secret)) {
    return { kind: 'refused', reason: 'The pairing link was not used: its secret is missing or not one the relay makes. Copy the whole link again.' };
  }
  return { kind: 'paired', pairing: { url, secret } };
}

/** The pairing stored for this tab, checked again (storage is the page's, but not only this code writes it). */
export function readPairing(storage: Pick<Storage, 'getItem'>): PairedRelay | null {
  const raw = storage.getItem(PAIRING_STORAGE_KEY);
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<PairedRelay>;
    const url = typeof value.url === 'string' ? pairableRelayUrl(value.url) : null;
    return url && typeof value.secret === 'string' && isPairingSecret(value.secret) ? { url, secret: value.secret } : null;
  } catch {
    return null;
  }
}

export function savePairing(storage: Pick<Storage, 'setItem'>, pairing: PairedRelay): void {
  storage.setItem(PAIRING_STORAGE_KEY, JSON.stringify(pairing));
}

export function forgetPairing(storage: Pick<Storage, 'removeItem'>): void {
  storage.removeItem(PAIRING_STORAGE_KEY);
}

/**
 * What a pairing link does to this tab. A tab without a pairing pairs at once; a link for the
 * pairing the tab already has changes nothing; a link for another relay or secret is only asked
 * about ('ask'): replacing a working pairing silently would let whoever got the user to open a
 * link (another local user listening on some loopback port of a shared machine) receive this
 * tab's relayed traffic, tokens included.
 */
export type PairingDecision = 'pair' | 'same' | 'ask' | 'refused' | 'none';

export function pairingDecision(current: PairedRelay | null, link: PairingLinkOutcome): PairingDecision {
  if (link.kind !== 'paired') return link.kind;
  if (!current) return 'pair';
  return current.url === link.pairing.url && current.secret === link.pairing.secret ? 'same' : 'ask';
}

/**
 * On load: takes a pairing link's fragment out of the address (whether it is used, refused or only
 * offered, so the secret does not stay in the address bar or the history), stores a valid pairing
 * for a tab that has none, and says what the link held. A link that would replace the stored
 * pairing is not stored: the user is asked first (pairingDecision).
 */
export function takePairingLink(
  location: Pick<Location, 'hash' | 'pathname' | 'search'>,
  history: Pick<History, 'replaceState' | 'state'>,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
): PairingLinkOutcome {
  const outcome = readPairingFragment(location.hash);
  if (outcome.kind === 'none') return outcome;
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (outcome.kind === 'paired' && pairingDecision(readPairing(storage), outcome) === 'pair') savePairing(storage, outcome.pairing);
  return outcome;
}
