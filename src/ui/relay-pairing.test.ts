import { describe, expect, it } from 'vitest';
import {
  PAIRING_STORAGE_KEY,
  forgetPairing,
  pairableRelayUrl,
  pairingDecision,
  readPairing,
  readPairingFragment,
  savePairing,
  takePairingLink,
} from './relay-pairing.ts';

const SECRET = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6';
const link = (relay: string, secret = SECRET) => `#relay=${encodeURIComponent(relay)}&secret=${encodeURIComponent(secret)}`;

/** sessionStorage's three calls, kept in a Map (Node has no Web Storage). */
class TabStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
  removeItem = (key: string) => void this.items.delete(key);
}

/** The page's address and the history entry replaceState rewrites. */
function page(hash: string, search = '?server=https%3A%2F%2Fmcp.example.com%2Fmcp') {
  const address = { pathname: '/mcp-auth-flow/', search, hash };
  const history = {
    state: { kept: true },
    replaced: [] as Array<{ state: unknown; url: string }>,
    replaceState(state: unknown, _unused: string, url?: string | URL | null) {
      this.replaced.push({ state, url: String(url) });
    },
  };
  return { address, history };
}

describe('a pairing link', () => {
  it('pairs this tab with the relay: stored in sessionStorage, and the fragment leaves the address', () => {
    const storage = new TabStorage();
    const { address, history } = page(link('http://127.0.0.1:5299'));
    expect(takePairingLink(address, history, storage)).toEqual({ kind: 'paired', pairing: { url: 'http://127.0.0.1:5299', secret: SECRET } });
    expect(readPairing(storage)).toEqual({ url: 'http://127.0.0.1:5299', secret: SECRET });
    // The query (a deep link) stays; the secret does not stay in the address bar or the history.
    expect(history.replaced).toEqual([{ state: { kept: true }, url: '/mcp-auth-flow/?server=https%3A%2F%2Fmcp.example.com%2Fmcp' }]);
  });

  it('accepts the three loopback spellings the relay listens on, with their port', () => {
    expect(pairableRelayUrl('http://127.0.0.1:5176')).toBe('http://127.0.0.1:5176');
    expect(pairableRelayUrl('http://localhost:5176/')).toBe('http://localhost:5176');
    expect(pairableRelayUrl('http://[::1]:5176')).toBe('http://[::1]:5176');
  });

  it('refuses any other relay address: the secret would go to someone else’s server', () => {
    for (const relay of [
      'https://127.0.0.1:5176',
      'http://evil.example:5176',
      'http://127.0.0.1.evil.example:5176',
      'http://192.168.1.10:5176',
      'http://127.0.0.2:5176',
      'http://127.0.0.1',
      'http://user:pw@127.0.0.1:5176',
      'http://127.0.0.1:5176/relay',
      'http://127.0.0.1:5176/?x=1',
      'javascript:alert(1)',
      'not a url',
    ]) {
      const storage = new TabStorage();
      const { address, history } = page(link(relay));
      const outcome = takePairingLink(address, history, storage);
      expect(outcome.kind, relay).toBe('refused');
      expect(storage.items.size, relay).toBe(0);
      // Refused or not, the link's secret leaves the address.
      expect(history.replaced, relay).toHaveLength(1);
    }
  });

  it('refuses a secret the relay would not make, and a link without one', () => {
    for (const hash of [
      link('http://127.0.0.1:5176', 'short'),
      link('http://127.0.0.1:5176', `${SECRET}<script>`),
      '#relay=http%3A%2F%2F127.0.0.1%3A5176',
      link('http://127.0.0.1:5176', 'a'.repeat(257)),
    ]) {
      expect(readPairingFragment(hash)).toMatchObject({ kind: 'refused', reason: expect.stringContaining('secret') });
    }
  });

  it('refuses an over-long link that carries a secret, and takes it out of the address all the same', () => {
    const storage = new TabStorage();
    const { address, history } = page(`${link('http://127.0.0.1:5176')}&pad=${'a'.repeat(2_000)}`);
    expect(takePairingLink(address, history, storage)).toMatchObject({ kind: 'refused' });
    expect(storage.items.size).toBe(0);
    expect(history.replaced).toHaveLength(1);
  });

  it('refuses a link that names the relay or the secret twice: which one it means is not for the app to guess', () => {
    for (const hash of [`${link('http://127.0.0.1:5176')}&relay=http%3A%2F%2F127.0.0.1%3A6000`, `${link('http://127.0.0.1:5176')}&secret=${SECRET}x`]) {
      expect(readPairingFragment(hash), hash).toMatchObject({ kind: 'refused' });
    }
  });

  it('leaves an address without a pairing link alone', () => {
    const storage = new TabStorage();
    for (const hash of ['', '#', '#details-panel', `#x=${'a'.repeat(5_000)}`]) {
      const { address, history } = page(hash);
      expect(takePairingLink(address, history, storage)).toEqual({ kind: 'none' });
      expect(history.replaced).toEqual([]);
    }
    expect(storage.items.size).toBe(0);
  });
});

describe('a pairing link in a tab that is already paired', () => {
  const current = { url: 'http://127.0.0.1:5299', secret: SECRET };
  const OTHER_SECRET = 'b3RoZXJzZWNyZXRvdGhlcnNlY3JldG90aGVyc2VjcmV0';

  it('pairs a tab without a pairing at once, and changes nothing for the pairing it already has', () => {
    expect(pairingDecision(null, readPairingFragment(link('http://127.0.0.1:5299')))).toBe('pair');
    expect(pairingDecision(current, readPairingFragment(link('http://127.0.0.1:5299')))).toBe('same');
  });

  it('asks before another relay, or the same relay with another secret, replaces a working pairing', () => {
    expect(pairingDecision(current, readPairingFragment(link('http://127.0.0.1:6399')))).toBe('ask');
    expect(pairingDecision(current, readPairingFragment(link('http://127.0.0.1:5299', OTHER_SECRET)))).toBe('ask');
  });

  it('passes a refused link and the absence of one through, paired or not', () => {
    for (const pairing of [null, current]) {
      expect(pairingDecision(pairing, readPairingFragment(link('http://evil.example:80')))).toBe('refused');
      expect(pairingDecision(pairing, readPairingFragment(''))).toBe('none');
    }
  });

  it('keeps the stored pairing when the link names another relay, and still takes the secret out of the address', () => {
    const storage = new TabStorage();
    savePairing(storage, current);
    const { address, history } = page(link('http://127.0.0.1:6399', OTHER_SECRET));
    expect(takePairingLink(address, history, storage)).toEqual({ kind: 'paired', pairing: { url: 'http://127.0.0.1:6399', secret: OTHER_SECRET } });
    expect(readPairing(storage)).toEqual(current);
    expect(JSON.stringify([...storage.items])).not.toContain(OTHER_SECRET);
    expect(history.replaced).toEqual([{ state: { kept: true }, url: '/mcp-auth-flow/?server=https%3A%2F%2Fmcp.example.com%2Fmcp' }]);
  });
});

describe('the stored pairing', () => {
  it('is checked again when read, and Unpair forgets it', () => {
    const storage = new TabStorage();
    storage.setItem(PAIRING_STORAGE_KEY, JSON.stringify({ url: 'http://evil.example:80', secret: SECRET }));
    expect(readPairing(storage)).toBeNull();
    storage.setItem(PAIRING_STORAGE_KEY, '{not json');
    expect(readPairing(storage)).toBeNull();
    storage.setItem(PAIRING_STORAGE_KEY, JSON.stringify({ url: 'http://localhost:5176', secret: SECRET }));
    expect(readPairing(storage)).toEqual({ url: 'http://localhost:5176', secret: SECRET });
    forgetPairing(storage);
    expect(readPairing(storage)).toBeNull();
  });
});
