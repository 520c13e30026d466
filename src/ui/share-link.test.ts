import { describe, expect, it } from 'vitest';
import { buildLink, readLink } from './share-link.ts';

describe('shareable link', () => {
  it('round-trips the setup and never carries a secret', () => {
    const setup = {
      server: 'https://mcp.example.com/mcp?x=1&y=2',
      spec: 'auto' as const,
      mode: 'pre-registered' as const,
      clientId: 'abc',
      scope: 'files:read files:write',
    };
    const link = buildLink('http://localhost:5173', { ...setup, clientSecret: 's3cret' } as never, true);
    expect(link).not.toContain('s3cret');
    expect(readLink(new URL(link).search)).toEqual({ ...setup, run: true });
  });

  it('carries none of the credentials in the server URL', () => {
    const secrets = ['alice-user', 'pa55word-in-userinfo', 'ak_live_0123456789', 'k9'];
    const server = 'https://alice-user:pa55word-in-userinfo@mcp.example.com/mcp?api_key=ak_live_0123456789&Access-Token=k9&tenant=acme';
    const link = buildLink('http://localhost:5173', { server }, false);
    for (const secret of secrets) expect(decodeURIComponent(link)).not.toContain(secret);
    expect(readLink(new URL(link).search).server).toBe('https://[redacted]@mcp.example.com/mcp?api_key=[redacted]&Access-Token=[redacted]&tenant=acme');
  });

  it('links to the app under its sub-path, not to the host root', () => {
    const link = buildLink('https://octo.github.io/mcp-auth-flow/', { server: 'https://mcp.example.com/mcp' }, true);
    expect(link).toBe('https://octo.github.io/mcp-auth-flow/?server=https%3A%2F%2Fmcp.example.com%2Fmcp&run=1');
  });

  it('ignores values it does not know', () => {
    expect(readLink('?spec=1999-01-01&mode=steal&run=yes&server=%20')).toEqual({ run: false });
  });
});
