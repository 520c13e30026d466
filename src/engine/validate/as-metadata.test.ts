import { describe, expect, it } from 'vitest';
import { validateAuthorizationServerMetadata } from './as-metadata.ts';

const ISSUER = 'https://auth.example.com';
const good = {
  issuer: ISSUER,
  authorization_endpoint: 'https://auth.example.com/authorize',
  token_endpoint: 'https://auth.example.com/token',
  registration_endpoint: 'https://auth.example.com/register',
  jwks_uri: 'https://auth.example.com/jwks',
  code_challenge_methods_supported: ['S256'],
};
const latest = { expectedIssuer: ISSUER, version: '2026-07-28' } as const;

describe('validateAuthorizationServerMetadata', () => {
  it('accepts a valid document and returns it as metadata', () => {
    expect(validateAuthorizationServerMetadata(good, latest)).toEqual({ metadata: good, hits: [] });
  });

  it.each([
    [['x'], 'The document is an array, not a JSON object.'],
    [null, 'The document is JSON null, not a JSON object.'],
    [true, 'The document is a boolean, not a JSON object.'],
  ])('rejects a non-object: %j', (doc, detail) => {
    expect(validateAuthorizationServerMetadata(doc, latest)).toEqual({ hits: [{ ruleId: 'as.not-object', detail }] });
  });

  it('flags an issuer that differs by a trailing slash, showing both values', () => {
    const { metadata, hits } = validateAuthorizationServerMetadata({ ...good, issuer: `${ISSUER}/` }, latest);
    expect(hits).toEqual([
      {
        ruleId: 'as.issuer-mismatch',
        detail: 'issuer is "https://auth.example.com/" but the metadata URL was built from "https://auth.example.com".',
      },
    ]);
    expect(metadata?.issuer).toBe(`${ISSUER}/`);
  });

  it('flags an Entra-style templated issuer', () => {
    const expectedIssuer = 'https://login.microsoftonline.com/abc/v2.0';
    const { hits } = validateAuthorizationServerMetadata(
      { ...good, issuer: 'https://login.microsoftonline.com/{tenantid}/v2.0' },
      { expectedIssuer, version: '2025-11-25' },
    );
    expect(hits).toEqual([
      {
        ruleId: 'as.issuer-mismatch',
        detail:
          'issuer is "https://login.microsoftonline.com/{tenantid}/v2.0" but the metadata URL was built from "https://login.microsoftonline.com/abc/v2.0".',
      },
    ]);
  });

  it('flags a missing or non-string issuer and still returns metadata', () => {
    const { issuer: _omit, ...noIssuer } = good;
    const missing = validateAuthorizationServerMetadata(noIssuer, latest);
    expect(missing.hits).toEqual([
      {
        ruleId: 'as.issuer-mismatch',
        detail: 'The metadata has no issuer; it must be "https://auth.example.com", the issuer its URL was built from.',
      },
    ]);
    expect(missing.metadata).toEqual({ ...noIssuer, issuer: '' });
    expect(validateAuthorizationServerMetadata({ ...good, issuer: 7 }, latest).hits[0]?.detail).toBe(
      'issuer is 7 but the metadata URL was built from "https://auth.example.com".',
    );
  });

  it('flags missing required endpoints, one hit each', () => {
    const { authorization_endpoint: _a, token_endpoint: _t, ...doc } = good;
    expect(validateAuthorizationServerMetadata(doc, latest).hits).toEqual([
      { ruleId: 'as.missing-endpoint', detail: 'The metadata has no authorization_endpoint.' },
      { ruleId: 'as.missing-endpoint', detail: 'The metadata has no token_endpoint.' },
    ]);
  });

  it('flags an endpoint of the wrong type and leaves it out of metadata', () => {
    const { metadata, hits } = validateAuthorizationServerMetadata({ ...good, token_endpoint: ['https://a/token'] }, latest);
    expect(hits).toEqual([{ ruleId: 'as.missing-endpoint', detail: 'token_endpoint is an array (["https://a/token"]), not a URL.' }]);
    expect(metadata && 'token_endpoint' in metadata).toBe(false);
  });

  it('flags every non-https endpoint and jwks_uri', () => {
    const doc = {
      ...good,
      token_endpoint: 'http://auth.example.com/token',
      revocation_endpoint: 'http://auth.example.com/revoke',
      jwks_uri: 'http://auth.example.com/jwks',
      userinfo_endpoint: 'not a url',
      op_policy_uri: 'http://auth.example.com/policy',
    };
    expect(validateAuthorizationServerMetadata(doc, latest).hits).toEqual([
      {
        ruleId: 'as.endpoint-not-https',
        detail: 'token_endpoint "http://auth.example.com/token" is not https: it is plain http on auth.example.com, which is not a loopback host.',
      },
      {
        ruleId: 'as.endpoint-not-https',
        detail: 'jwks_uri "http://auth.example.com/jwks" is not https: it is plain http on auth.example.com, which is not a loopback host.',
      },
      {
        ruleId: 'as.endpoint-not-https',
        detail: 'revocation_endpoint "http://auth.example.com/revoke" is not https: it is plain http on auth.example.com, which is not a loopback host.',
      },
      { ruleId: 'as.endpoint-not-https', detail: 'userinfo_endpoint "not a url" is not https: it is not an absolute URL.' },
    ]);
  });

  it('tolerates http on loopback hosts', () => {
    const doc = {
      issuer: 'http://localhost:3002',
      authorization_endpoint: 'http://localhost:3002/authorize',
      token_endpoint: 'http://127.0.0.1:3002/token',
      registration_endpoint: 'http://[::1]:3002/register',
      jwks_uri: 'http://127.8.9.10/jwks',
      code_challenge_methods_supported: ['S256'],
    };
    expect(validateAuthorizationServerMetadata(doc, { expectedIssuer: 'http://localhost:3002', version: '2026-07-28' }).hits).toEqual([]);
  });

  it('does not tolerate http on hosts that only look local', () => {
    const doc = { ...good, token_endpoint: 'http://127.0.0.1.nip.io/token', authorization_endpoint: 'http://localhost.example.com/a' };
    expect(validateAuthorizationServerMetadata(doc, latest).hits.map((h) => h.detail)).toEqual([
      'authorization_endpoint "http://localhost.example.com/a" is not https: it is plain http on localhost.example.com, which is not a loopback host.',
      'token_endpoint "http://127.0.0.1.nip.io/token" is not https: it is plain http on 127.0.0.1.nip.io, which is not a loopback host.',
    ]);
  });

  it('flags absent code_challenge_methods_supported from 2025-11-25 on only', () => {
    const { code_challenge_methods_supported: _c, ...doc } = good;
    const detail = 'The metadata has no code_challenge_methods_supported, so PKCE support is not confirmed.';
    for (const version of ['2025-11-25', '2026-07-28'] as const) {
      const result = validateAuthorizationServerMetadata(doc, { expectedIssuer: ISSUER, version });
      expect(result.hits).toEqual([{ ruleId: 'as.pkce-methods-absent', detail }]);
      expect(result.metadata).toEqual(doc);
    }
    for (const version of ['2025-03-26', '2025-06-18'] as const) {
      expect(validateAuthorizationServerMetadata(doc, { expectedIssuer: ISSUER, version }).hits).toEqual([]);
    }
  });

  it('flags a method list without S256, in every version', () => {
    for (const version of ['2025-03-26', '2025-06-18', '2025-11-25', '2026-07-28'] as const) {
      expect(validateAuthorizationServerMetadata({ ...good, code_challenge_methods_supported: ['plain'] }, { expectedIssuer: ISSUER, version }).hits).toEqual([
        { ruleId: 'as.pkce-s256-missing', detail: 'code_challenge_methods_supported is ["plain"], without "S256".' },
      ]);
    }
    expect(validateAuthorizationServerMetadata({ ...good, code_challenge_methods_supported: [] }, latest).hits).toEqual([
      { ruleId: 'as.pkce-s256-missing', detail: 'code_challenge_methods_supported is [], without "S256".' },
    ]);
    expect(validateAuthorizationServerMetadata({ ...good, code_challenge_methods_supported: ['s256'] }, latest).hits).toHaveLength(1);
  });

  it('flags a method list that is not a list', () => {
    const { metadata, hits } = validateAuthorizationServerMetadata({ ...good, code_challenge_methods_supported: 'S256' }, latest);
    expect(hits).toEqual([{ ruleId: 'as.pkce-s256-missing', detail: 'code_challenge_methods_supported is a string ("S256"), not a list.' }]);
    expect(metadata && 'code_challenge_methods_supported' in metadata).toBe(false);
  });

  it('keeps authorization_response_iss_parameter_supported only when it is a boolean', () => {
    expect(
      validateAuthorizationServerMetadata({ ...good, authorization_response_iss_parameter_supported: true }, latest).metadata
        ?.authorization_response_iss_parameter_supported,
    ).toBe(true);
    const { metadata } = validateAuthorizationServerMetadata({ ...good, authorization_response_iss_parameter_supported: 'true' }, latest);
    expect(metadata && 'authorization_response_iss_parameter_supported' in metadata).toBe(false);
  });
});
