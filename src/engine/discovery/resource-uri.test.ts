import { describe, expect, it } from 'vitest';
import { canonicalResourceUri, sameResource, serverUriAsTyped } from './resource-uri.ts';

describe('canonicalResourceUri', () => {
  it.each([
    ['https://mcp.example.com/mcp', 'https://mcp.example.com/mcp'],
    ['HTTPS://MCP.Example.COM/MCP', 'https://mcp.example.com/MCP'],
    ['https://mcp.example.com:443/mcp', 'https://mcp.example.com/mcp'],
    ['http://mcp.example.com:80/mcp', 'http://mcp.example.com/mcp'],
    ['https://mcp.example.com:8443', 'https://mcp.example.com:8443'],
    ['http://localhost:3001/mcp', 'http://localhost:3001/mcp'],
    ['https://mcp.example.com/', 'https://mcp.example.com'],
    ['https://mcp.example.com', 'https://mcp.example.com'],
    ['https://mcp.example.com/mcp/', 'https://mcp.example.com/mcp/'],
    ['https://mcp.example.com/server/mcp', 'https://mcp.example.com/server/mcp'],
    ['https://mcp.example.com/mcp#fragment', 'https://mcp.example.com/mcp'],
    ['https://mcp.example.com#fragment', 'https://mcp.example.com'],
    ['https://mcp.example.com/mcp#', 'https://mcp.example.com/mcp'],
    ['https://mcp.example.com/mcp?tenant=a', 'https://mcp.example.com/mcp?tenant=a'],
    ['https://[::1]:8080/mcp', 'https://[::1]:8080/mcp'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalResourceUri(input)).toBe(expected);
  });

  it('returns an unparseable value unchanged', () => {
    expect(canonicalResourceUri('mcp.example.com')).toBe('mcp.example.com');
    expect(canonicalResourceUri('')).toBe('');
  });

  it('drops only the fragment of a non-http URI', () => {
    expect(canonicalResourceUri('urn:example:Resource#x')).toBe('urn:example:Resource');
  });
});

describe('sameResource', () => {
  it('matches spellings of one URI', () => {
    expect(sameResource('https://MCP.example.com:443/mcp', 'https://mcp.example.com/mcp')).toBe(true);
    expect(sameResource('https://mcp.example.com/', 'https://mcp.example.com')).toBe(true);
  });

  it('flags trailing-slash drift after a path', () => {
    expect(sameResource('https://mcp.example.com/mcp/', 'https://mcp.example.com/mcp')).toBe(false);
  });

  it('flags a different scheme, port, path case or query', () => {
    expect(sameResource('http://mcp.example.com/mcp', 'https://mcp.example.com/mcp')).toBe(false);
    expect(sameResource('https://mcp.example.com:8443/mcp', 'https://mcp.example.com/mcp')).toBe(false);
    expect(sameResource('https://mcp.example.com/MCP', 'https://mcp.example.com/mcp')).toBe(false);
    expect(sameResource('https://mcp.example.com/mcp?a=1', 'https://mcp.example.com/mcp')).toBe(false);
  });

  it('compares unparseable values as plain strings', () => {
    expect(sameResource('not a url', 'not a url')).toBe(true);
    expect(sameResource('not a url', 'https://not')).toBe(false);
  });
});

describe('serverUriAsTyped', () => {
  it('keeps the URL exactly as typed, only without a fragment: no slash added, no case or port changed', () => {
    expect(serverUriAsTyped('https://h')).toBe('https://h');
    expect(serverUriAsTyped('https://H.example:443/MCP/#x')).toBe('https://H.example:443/MCP/');
  });
});
