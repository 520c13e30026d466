import { describe, expect, it } from 'vitest';
import { pairCommand, pairingOfferText, relayAbsentText, relayNotAnsweringText } from './relay-status-text.ts';

describe('what the app says about the relay', () => {
  it('without one: the app works, and the command that pairs one names this page’s origin', () => {
    expect(relayAbsentText('https://octo.github.io')).toContain('the app works fully without it');
    expect(relayAbsentText('https://octo.github.io')).toContain(
      'run npx mcp-auth-flow relay --allow-origin https://octo.github.io on this machine and open the link it prints',
    );
  });

  it('an app under a sub-path: the command carries --app-url, so the link it prints opens this app and not the host’s root', () => {
    expect(relayAbsentText('https://octo.github.io', 'https://octo.github.io/mcp-auth-flow/')).toContain(
      'run npx mcp-auth-flow relay --allow-origin https://octo.github.io --app-url https://octo.github.io/mcp-auth-flow/ on this machine',
    );
    expect(pairCommand('https://octo.github.io', 'https://octo.github.io/')).toBe('npx mcp-auth-flow relay --allow-origin https://octo.github.io');
  });

  it('a pairing link for another relay names both, and its buttons name the ports; for another secret on the same relay, the secret', () => {
    expect(pairingOfferText('http://127.0.0.1:7301', 'http://127.0.0.1:5176')).toEqual({
      question: 'This link asks to pair this tab with the relay at http://127.0.0.1:7301 instead of the one at http://127.0.0.1:5176.',
      accept: 'Pair with 7301',
      keep: 'Keep 5176',
    });
    const sameRelay = pairingOfferText('http://127.0.0.1:5176', 'http://127.0.0.1:5176');
    expect(sameRelay.question).toContain('again, with a new secret');
    expect([sameRelay.accept, sameRelay.keep]).toEqual(['Use the new secret', 'Keep the current secret']);
  });

  it('a paired relay that does not answer, from an https page: Chrome’s local network prompt is the likely cause', () => {
    const text = relayNotAnsweringText('http://127.0.0.1:5299', true);
    expect(text).toContain('The relay at http://127.0.0.1:5299 is not answering.');
    expect(text).toContain('allow this site to access devices on your local network');
    expect(text).toContain('set Local network access to Allow, and reload');
  });

  it('from an http page (npm start, a local copy) there is no such prompt to explain', () => {
    expect(relayNotAnsweringText('http://127.0.0.1:5176', false)).not.toContain('local network');
  });
});
