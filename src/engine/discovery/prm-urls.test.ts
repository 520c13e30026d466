import { describe, expect, it } from 'vitest';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import { protectedResourceMetadataUrls as urlsIn } from './prm-urls.ts';

/** The order every version with protected resource metadata prescribes. */
const protectedResourceMetadataUrls = (mcpUrl: string) => urlsIn(mcpUrl, SPEC_PROFILES.latest.discovery.prmFallbackOrder);

describe('protectedResourceMetadataUrls', () => {
  it('tries the path-inserted URL, then the root', () => {
    expect(protectedResourceMetadataUrls('https://example.com/public/mcp')).toEqual([
      'https://example.com/.well-known/oauth-protected-resource/public/mcp',
      'https://example.com/.well-known/oauth-protected-resource',
    ]);
  });

  it('drops the query and the fragment', () => {
    expect(protectedResourceMetadataUrls('https://h.example/mcp?tenant=a#x')).toEqual([
      'https://h.example/.well-known/oauth-protected-resource/mcp',
      'https://h.example/.well-known/oauth-protected-resource',
    ]);
  });

  it('has only the root URL when the path is empty or "/"', () => {
    expect(protectedResourceMetadataUrls('https://h.example')).toEqual(['https://h.example/.well-known/oauth-protected-resource']);
    expect(protectedResourceMetadataUrls('https://h.example/')).toEqual(['https://h.example/.well-known/oauth-protected-resource']);
    expect(protectedResourceMetadataUrls('https://h.example/?x=1')).toEqual(['https://h.example/.well-known/oauth-protected-resource']);
  });

  it('removes the terminating slash of the path before inserting (RFC 9728 §3.1)', () => {
    expect(protectedResourceMetadataUrls('https://h.example/mcp/')).toEqual([
      'https://h.example/.well-known/oauth-protected-resource/mcp',
      'https://h.example/.well-known/oauth-protected-resource',
    ]);
  });

  it('keeps a non-default port and drops a default one', () => {
    expect(protectedResourceMetadataUrls('http://localhost:3001/mcp')).toEqual([
      'http://localhost:3001/.well-known/oauth-protected-resource/mcp',
      'http://localhost:3001/.well-known/oauth-protected-resource',
    ]);
    expect(protectedResourceMetadataUrls('HTTPS://H.Example:443/MCP')).toEqual([
      'https://h.example/.well-known/oauth-protected-resource/MCP',
      'https://h.example/.well-known/oauth-protected-resource',
    ]);
  });

  it('returns nothing for a value that is not an http(s) URL', () => {
    expect(protectedResourceMetadataUrls('h.example/mcp')).toEqual([]);
    expect(protectedResourceMetadataUrls('ftp://h.example/mcp')).toEqual([]);
  });
});
