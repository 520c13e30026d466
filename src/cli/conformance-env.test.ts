import { describe, expect, it } from 'vitest';
import { parseContext, readConformanceEnv } from './conformance-env.ts';

describe('parseContext', () => {
  it('reads the keys the suite defines', () => {
    expect(parseContext('{"name":"auth/pre-registration","client_id":"pre-registered-client","client_secret":"pre-registered-secret"}')).toEqual({
      clientId: 'pre-registered-client',
      clientSecret: 'pre-registered-secret',
    });
    expect(
      parseContext(
        JSON.stringify({ name: 'auth/client-credentials-jwt', client_id: 'c', private_key_pem: '-----BEGIN PRIVATE KEY-----\n…', signing_algorithm: 'ES256' }),
      ),
    ).toEqual({ clientId: 'c', privateKeyPem: '-----BEGIN PRIVATE KEY-----\n…', signingAlgorithm: 'ES256' });
  });

  it('is empty when the variable is unset or blank', () => {
    expect(parseContext(undefined)).toEqual({});
    expect(parseContext('  ')).toEqual({});
  });

  it('ignores keys it does not know and null values', () => {
    expect(parseContext('{"name":"x","future":1,"client_secret":null}')).toEqual({});
  });

  it.each([
    ['{', 'MCP_CONFORMANCE_CONTEXT is not valid JSON'],
    ['[]', 'MCP_CONFORMANCE_CONTEXT must be a JSON object.'],
    ['"id"', 'MCP_CONFORMANCE_CONTEXT must be a JSON object.'],
    ['{"client_id":42}', 'MCP_CONFORMANCE_CONTEXT.client_id must be a string.'],
  ])('explains %s', (raw, message) => {
    expect(parseContext(raw)).toEqual({ error: expect.stringContaining(message) });
  });
});

describe('readConformanceEnv', () => {
  it('reads the scenario, the protocol version and the context', () => {
    expect(
      readConformanceEnv({
        MCP_CONFORMANCE_SCENARIO: 'auth/pre-registration',
        MCP_CONFORMANCE_PROTOCOL_VERSION: '2025-11-25',
        MCP_CONFORMANCE_CONTEXT: '{"client_id":"a"}',
      }),
    ).toEqual({ scenario: 'auth/pre-registration', protocolVersion: '2025-11-25', context: { clientId: 'a' } });
    expect(readConformanceEnv({})).toEqual({ context: {} });
  });
});
