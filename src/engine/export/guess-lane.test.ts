import { describe, expect, it } from 'vitest';
import { authorizationServerHosts, guessLane } from './guess-lane.ts';

describe('guessLane', () => {
  it.each([
    ['https://as.example/.well-known/oauth-authorization-server', 'as'],
    ['https://as.example/.well-known/oauth-authorization-server/tenant', 'as'],
    ['https://as.example/tenant/.well-known/openid-configuration', 'as'],
    ['https://as.example/oauth/token', 'as'],
    ['https://as.example/connect/register/', 'as'],
    ['https://as.example/Authorize?client_id=x', 'as'],
    ['https://idp.example/realms/x/protocol/openid-connect/auth?client_id=x', 'as'],
    ['https://idp.example/reg', 'as'],
    ['https://idp.example/oauth2/revoke', 'as'],
    ['https://mcp.example/.well-known/oauth-protected-resource/mcp', 'mcp'],
    ['https://mcp.example/mcp', 'mcp'],
    ['https://mcp.example/tokens', 'mcp'],
    ['not a url', 'mcp'],
  ])('%s → %s', (url, lane) => {
    expect(guessLane(url)).toBe(lane);
  });
});

describe('authorizationServerHosts', () => {
  const metadata = JSON.stringify({
    issuer: 'https://id.example',
    authorization_endpoint: 'https://login.example/oauth/start',
    token_endpoint: 'https://id.example/t',
  });

  it('puts every URL on a host the AS metadata names on the authorization server lane', () => {
    const hosts = authorizationServerHosts([
      { url: 'https://mcp.example/mcp' },
      { url: 'https://id.example/.well-known/oauth-authorization-server', body: metadata },
      { url: 'https://login.example/oauth/start?client_id=x' },
    ]);
    expect([...hosts].sort()).toEqual(['id.example', 'login.example']);
    expect(guessLane('https://login.example/oauth/start?client_id=x', hosts)).toBe('as');
    expect(guessLane('https://id.example/t', hosts)).toBe('as');
    expect(guessLane('https://mcp.example/mcp', hosts)).toBe('mcp');
  });

  it('leaves a host that is also the protected resource to the path rules', () => {
    const hosts = authorizationServerHosts([
      { url: 'https://both.example/.well-known/oauth-protected-resource' },
      { url: 'https://both.example/.well-known/oauth-authorization-server', body: JSON.stringify({ issuer: 'https://both.example' }) },
    ]);
    expect(hosts.size).toBe(0);
    expect(guessLane('https://both.example/mcp', hosts)).toBe('mcp');
  });

  it('ignores a body that is not JSON metadata', () => {
    expect([...authorizationServerHosts([{ url: 'https://id.example/.well-known/openid-configuration', body: '<html>' }])]).toEqual(['id.example']);
  });
});
