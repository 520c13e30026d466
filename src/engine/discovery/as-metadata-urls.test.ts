import { describe, expect, it } from 'vitest';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { authorizationServerMetadataUrls as urlsIn, legacyDefaultEndpoints, legacyMetadataUrl } from './as-metadata-urls.ts';

/** The URLs a version tries, by its profile's order. */
const authorizationServerMetadataUrls = (issuer: string, version: SpecVersion) => urlsIn(issuer, SPEC_PROFILES.profileFor(version).discovery.asMetadataOrder);

describe('authorizationServerMetadataUrls, 2025-11-25 and later', () => {
  it.each(['2025-11-25', '2026-07-28'] as const)('an issuer with a path, %s', (version) => {
    expect(authorizationServerMetadataUrls('https://auth.example.com/tenant1', version)).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
      'https://auth.example.com/.well-known/openid-configuration/tenant1',
      'https://auth.example.com/tenant1/.well-known/openid-configuration',
    ]);
  });

  it.each(['2025-11-25', '2026-07-28'] as const)('an issuer without a path, %s', (version) => {
    expect(authorizationServerMetadataUrls('https://auth.example.com', version)).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server',
      'https://auth.example.com/.well-known/openid-configuration',
    ]);
    expect(authorizationServerMetadataUrls('https://auth.example.com/', version)).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server',
      'https://auth.example.com/.well-known/openid-configuration',
    ]);
  });

  it('a Keycloak realm issuer, where the path-appended OIDC URL is the one that works', () => {
    expect(authorizationServerMetadataUrls('http://localhost:8080/realms/mcp', '2026-07-28')).toEqual([
      'http://localhost:8080/.well-known/oauth-authorization-server/realms/mcp',
      'http://localhost:8080/.well-known/openid-configuration/realms/mcp',
      'http://localhost:8080/realms/mcp/.well-known/openid-configuration',
    ]);
  });

  it('removes the terminating slash of the issuer path (RFC 8414 §3.1)', () => {
    expect(authorizationServerMetadataUrls('https://auth.example.com/tenant1/', '2025-11-25')).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
      'https://auth.example.com/.well-known/openid-configuration/tenant1',
      'https://auth.example.com/tenant1/.well-known/openid-configuration',
    ]);
  });
});

describe('authorizationServerMetadataUrls, before 2025-11-25: RFC 8414 only', () => {
  it.each(['2025-03-26', '2025-06-18'] as const)('%s', (version) => {
    expect(authorizationServerMetadataUrls('https://auth.example.com/tenant1', version)).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
    ]);
    expect(authorizationServerMetadataUrls('https://auth.example.com/tenant1/', version)).toEqual([
      'https://auth.example.com/.well-known/oauth-authorization-server/tenant1',
    ]);
    expect(authorizationServerMetadataUrls('https://auth.example.com', version)).toEqual(['https://auth.example.com/.well-known/oauth-authorization-server']);
  });
});

describe('authorizationServerMetadataUrls, bad input', () => {
  it('returns nothing for a value that is not an http(s) URL', () => {
    expect(authorizationServerMetadataUrls('auth.example.com', '2026-07-28')).toEqual([]);
    expect(authorizationServerMetadataUrls('urn:issuer', '2026-07-28')).toEqual([]);
  });
});

describe('2025-03-26 legacy discovery', () => {
  it('reads the metadata at the MCP origin, path removed', () => {
    expect(legacyMetadataUrl('https://api.example.com/v1/mcp')).toBe('https://api.example.com/.well-known/oauth-authorization-server');
    expect(legacyMetadataUrl('http://localhost:3001/mcp?x=1')).toBe('http://localhost:3001/.well-known/oauth-authorization-server');
  });

  it('falls back to the default endpoints at the MCP origin', () => {
    expect(legacyDefaultEndpoints('https://api.example.com/v1/mcp')).toEqual({
      authorization_endpoint: 'https://api.example.com/authorize',
      token_endpoint: 'https://api.example.com/token',
      registration_endpoint: 'https://api.example.com/register',
    });
  });

  it('throws a TypeError for a value that is not an http(s) URL', () => {
    expect(() => legacyMetadataUrl('api.example.com/mcp')).toThrow(TypeError);
    expect(() => legacyDefaultEndpoints('file:///mcp')).toThrow(TypeError);
  });
});
