import { afterEach, describe, expect, it } from 'vitest';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { startFakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { providerView } from './explain.ts';
import { PROVIDERS } from './catalog.ts';
import { recognize } from './recognize.ts';
import type { Seen } from './seen.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const nothingSeen: Seen = { issuers: [], said: [] };

describe('provider recognition', () => {
  it('recognises nothing in a plain run against a server of its own', async () => {
    const fake = await startFakeServer();
    servers.push(fake);
    const session = await runFlow(fake);
    expect(session.status).toBe('done');
    expect(providerView(session)).toEqual({ explanations: {} });
  });

  it('recognises nothing on one path shape alone', () => {
    // A tenant-looking path is anyone's choice: one weak signal is not enough.
    const seen: Seen = { ...nothingSeen, issuers: ['https://auth.example.com/organizations/v2.0'] };
    expect(recognize(seen, PROVIDERS)).toBeUndefined();
  });

  it('recognises a real provider hostname on its own, and says so', () => {
    const seen: Seen = { ...nothingSeen, issuers: ['https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0'] };
    expect(recognize(seen, PROVIDERS)?.evidence).toBe(
      'recognised as Microsoft Entra ID from a Microsoft login host (https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0) ' +
        'and the issuer shape …/{tenant}/v2.0 (https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0)',
    );
  });

  it('recognises a provider from an error code only it sends', () => {
    const seen: Seen = { ...nothingSeen, said: ['error=invalid_request, error_description=AADSTS700016: Application not found'] };
    expect(recognize(seen, PROVIDERS)?.profile.id).toBe('entra');
  });

  it('is not fooled by a provider host written into the query, fragment or after a backslash of another host', () => {
    // A URL parser reads each of these as evil.example; only the raw text looks like the provider's host.
    for (const issuer of [
      'https://evil.example?.okta.com',
      'https://evil.example#.auth0.com/',
      'https://evil.example\\tenant.okta.com/',
      'https://evil.example\\.auth0.com/',
    ]) {
      expect(recognize({ ...nothingSeen, issuers: [issuer] }, PROVIDERS)?.evidence, issuer).toBeUndefined();
    }
  });
});
