import { describe, expect, it } from 'vitest';
import { buildLink, readLink } from './share-link.ts';

describe('shareable link', () => {
  it('round-trips the setup and never carries a secret', () => {
    const setup = { server: 'https://mcp.example.com/mcp?x=1&y=2', spec: 'auto' as const, mode: 'pre-registered' as const, clientId: 'abc', scope: 'files:read files:write' };
    const link = buildLink('http://localhost:5173', { ...setup, clientSecret: 's3cret' } as never, true);
    expect(link).not.toContain('s3cret');
    expect(readLink(new URL(link).search)).toEqual({ ...setup, run: true });
  });

  it('ignores values it does not know', () => {
    expect(readLink('?spec=1999-01-01&mode=steal&run=yes&server=%20')).toEqual({ run: false });
  });
});
