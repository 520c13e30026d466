import { describe, expect, it } from 'vitest';
import { validateProtectedResourceMetadata } from './prm.ts';

const MCP = 'https://mcp.example.com/mcp';
const good = { resource: MCP, authorization_servers: ['https://auth.example.com'], scopes_supported: ['mcp:tools'] };

describe('validateProtectedResourceMetadata', () => {
  it('accepts a valid document and returns it as metadata', () => {
    expect(validateProtectedResourceMetadata(good, { mcpUrl: MCP })).toEqual({ metadata: good, hits: [] });
  });

  it('keeps extra fields', () => {
    const doc = { ...good, bearer_methods_supported: ['header'] };
    expect(validateProtectedResourceMetadata(doc, { mcpUrl: MCP }).metadata).toEqual(doc);
  });

  it.each([
    [[], 'The document is an array, not a JSON object.'],
    [null, 'The document is JSON null, not a JSON object.'],
    ['{"resource":"x"}', 'The document is a string, not a JSON object.'],
    [42, 'The document is a number, not a JSON object.'],
  ])('rejects a non-object: %j', (doc, detail) => {
    expect(validateProtectedResourceMetadata(doc, { mcpUrl: MCP })).toEqual({ hits: [{ ruleId: 'prm.not-object', detail }] });
  });

  it('flags missing authorization_servers', () => {
    const { metadata, hits } = validateProtectedResourceMetadata({ resource: MCP }, { mcpUrl: MCP });
    expect(hits).toEqual([{ ruleId: 'prm.no-authorization-servers', detail: 'The metadata has no authorization_servers.' }]);
    expect(metadata).toEqual({ resource: MCP });
  });

  it('flags empty authorization_servers', () => {
    const { hits } = validateProtectedResourceMetadata({ resource: MCP, authorization_servers: [] }, { mcpUrl: MCP });
    expect(hits).toEqual([{ ruleId: 'prm.no-authorization-servers', detail: 'authorization_servers is an empty list.' }]);
  });

  it('flags authorization_servers that is not a list', () => {
    const { metadata, hits } = validateProtectedResourceMetadata({ resource: MCP, authorization_servers: 'https://auth.example.com' }, { mcpUrl: MCP });
    expect(hits).toEqual([
      {
        ruleId: 'prm.no-authorization-servers',
        detail: 'authorization_servers is a string ("https://auth.example.com"), not a list of issuer URLs.',
      },
    ]);
    expect(metadata).toEqual({ resource: MCP });
  });

  it('flags non-string entries and keeps the usable ones', () => {
    const { metadata, hits } = validateProtectedResourceMetadata(
      { resource: MCP, authorization_servers: ['https://auth.example.com', 7, ''] },
      { mcpUrl: MCP },
    );
    expect(hits).toEqual([{ ruleId: 'prm.no-authorization-servers', detail: 'authorization_servers has entries that are not issuer URLs: [7,""].' }]);
    expect(metadata?.authorization_servers).toEqual(['https://auth.example.com']);
  });

  it('flags issuers that are not https, and leaves out those that are not http(s) at all', () => {
    const { metadata, hits } = validateProtectedResourceMetadata(
      {
        resource: MCP,
        authorization_servers: ['javascript:alert(1)', 'http://auth.example.com', 'file:///etc', 'http://localhost:9000', 'https://auth.example.com'],
      },
      { mcpUrl: MCP },
    );
    expect(hits).toEqual([
      {
        ruleId: 'prm.authorization-server-not-https',
        detail:
          'authorization_servers lists "javascript:alert(1)": the scheme "javascript:" is never opened, only https (and http on a loopback host); it is left out.',
      },
      {
        ruleId: 'prm.authorization-server-not-https',
        detail: 'authorization_servers lists "http://auth.example.com": it is plain http on auth.example.com, which is not a loopback host.',
      },
      {
        ruleId: 'prm.authorization-server-not-https',
        detail: 'authorization_servers lists "file:///etc": the scheme "file:" is never opened, only https (and http on a loopback host); it is left out.',
      },
    ]);
    expect(metadata?.authorization_servers).toEqual(['http://auth.example.com', 'http://localhost:9000', 'https://auth.example.com']);
  });

  it('flags a trailing-slash mismatch and shows both values exactly', () => {
    const { metadata, hits } = validateProtectedResourceMetadata({ ...good, resource: `${MCP}/` }, { mcpUrl: MCP });
    expect(hits).toEqual([
      {
        ruleId: 'prm.resource-mismatch',
        detail: 'resource is "https://mcp.example.com/mcp/" but must be the MCP server URL "https://mcp.example.com/mcp".',
      },
    ]);
    expect(metadata?.resource).toBe(`${MCP}/`);
  });

  it('flags a resource for another host or path', () => {
    const { hits } = validateProtectedResourceMetadata({ ...good, resource: 'https://mcp.example.com' }, { mcpUrl: MCP });
    expect(hits.map((h) => h.ruleId)).toEqual(['prm.resource-mismatch']);
    expect(hits[0]!.detail).toBe(
      'resource is "https://mcp.example.com" but must be the MCP server URL "https://mcp.example.com/mcp".' +
        ' The official SDK clients accept it (a path prefix of the server URL on the same origin); RFC 9728 §3.3 does not.',
    );
    const other = validateProtectedResourceMetadata({ ...good, resource: 'https://other.example.com/mcp' }, { mcpUrl: MCP });
    expect(other.hits[0]!.detail).toBe('resource is "https://other.example.com/mcp" but must be the MCP server URL "https://mcp.example.com/mcp".');
  });

  it('accepts spellings of the same URI (case of scheme and host, default port)', () => {
    const { hits } = validateProtectedResourceMetadata({ ...good, resource: 'HTTPS://MCP.example.com:443/mcp' }, { mcpUrl: MCP });
    expect(hits).toEqual([]);
  });

  it('flags a missing or non-string resource', () => {
    expect(validateProtectedResourceMetadata({ authorization_servers: ['https://a'] }, { mcpUrl: MCP }).hits).toEqual([
      { ruleId: 'prm.resource-mismatch', detail: 'The metadata has no resource; it must be the MCP server URL "https://mcp.example.com/mcp".' },
    ]);
    const { metadata, hits } = validateProtectedResourceMetadata({ ...good, resource: ['x'] }, { mcpUrl: MCP });
    expect(hits).toEqual([{ ruleId: 'prm.resource-mismatch', detail: 'resource is an array; it must be the MCP server URL "https://mcp.example.com/mcp".' }]);
    expect(metadata && 'resource' in metadata).toBe(false);
  });

  it('flags a fragment in resource', () => {
    const { hits } = validateProtectedResourceMetadata({ ...good, resource: `${MCP}#main` }, { mcpUrl: MCP });
    expect(hits).toEqual([{ ruleId: 'prm.resource-fragment', detail: 'resource "https://mcp.example.com/mcp#main" has the fragment "#main".' }]);
  });

  it('accepts the origin only for metadata found at the root well-known URL', () => {
    const doc = { ...good, resource: 'https://mcp.example.com' };
    expect(validateProtectedResourceMetadata(doc, { mcpUrl: MCP, viaRootWellKnown: true }).hits).toEqual([]);
    const { hits } = validateProtectedResourceMetadata({ ...good, resource: 'https://other.example.com' }, { mcpUrl: MCP, viaRootWellKnown: true });
    expect(hits).toEqual([
      {
        ruleId: 'prm.resource-mismatch',
        detail:
          'resource is "https://other.example.com" but must be the MCP server URL "https://mcp.example.com/mcp" or, for metadata at the root well-known URL, "https://mcp.example.com".',
      },
    ]);
  });

  it('flags offline_access in scopes_supported', () => {
    const { hits } = validateProtectedResourceMetadata({ ...good, scopes_supported: ['mcp:tools', 'offline_access'] }, { mcpUrl: MCP });
    expect(hits).toEqual([{ ruleId: 'prm.offline-access-scope', detail: 'scopes_supported lists "offline_access": ["mcp:tools","offline_access"].' }]);
  });

  it('leaves out hits of rules that do not apply to the given version', () => {
    const doc = { ...good, scopes_supported: ['offline_access'] };
    expect(validateProtectedResourceMetadata(doc, { mcpUrl: MCP, version: '2025-06-18' }).hits).toEqual([]);
    expect(validateProtectedResourceMetadata(doc, { mcpUrl: MCP, version: '2025-11-25' }).hits.map((h) => h.ruleId)).toEqual(['prm.offline-access-scope']);
  });

  it('drops a scopes_supported that is not a list, and non-string scopes', () => {
    expect(validateProtectedResourceMetadata({ ...good, scopes_supported: 'a b' }, { mcpUrl: MCP }).metadata).toEqual({
      resource: MCP,
      authorization_servers: ['https://auth.example.com'],
    });
    expect(validateProtectedResourceMetadata({ ...good, scopes_supported: ['a', 1] }, { mcpUrl: MCP }).metadata?.scopes_supported).toEqual(['a']);
  });

  it('reports every problem of a bad document at once', () => {
    const { hits } = validateProtectedResourceMetadata(
      { resource: 'https://x.example/mcp#f', authorization_servers: [], scopes_supported: ['offline_access'] },
      { mcpUrl: MCP },
    );
    expect(hits.map((h) => h.ruleId)).toEqual(['prm.no-authorization-servers', 'prm.resource-fragment', 'prm.resource-mismatch', 'prm.offline-access-scope']);
  });
});
