import { afterEach, describe, expect, it } from 'vitest';
import { startFastmcpOauth } from '../servers/fastmcp-oauth.ts';
import type { RunningServer } from '../servers/running-server.ts';
import { runCliAgainst } from './cli-verdict.ts';
import { approveOnFastmcpConsentPage } from './fastmcp-consent-person.ts';

// The CLI's loopback callback: http://127.0.0.1:<free port>/callback.
const CLI_REDIRECT_URIS = ['http://127.0.0.1:*/callback'];

describe('fastmcp OAuth proxy with oauth2-mock-server upstream, from the CLI', () => {
  let server: RunningServer | undefined;
  afterEach(() => server?.close());

  it('as shipped: the resource metadata names the base URL, not the MCP endpoint, so a strict client stops there', async () => {
    server = await startFastmcpOauth({ redirectUriPatterns: CLI_REDIRECT_URIS, resource: 'default' });
    const verdict = await runCliAgainst(server.url, ['--spec', 'auto']);
    expect(verdict.status).toBe('failed');
    expect(verdict.failingStep).toBe('prm (failed)');
    // `resource` is "http://localhost:<port>" for http://localhost:<port>/mcp (RFC 9728 §3.3: identical to
    // the URL requested); the challenge carries no scope.
    expect(verdict.ruleIds).toEqual(['challenge.no-scope', 'prm.resource-mismatch']);
    expect(verdict.exitCode).toBe(1);
  });

  it('with the resource set to the MCP endpoint: registers, consents, goes through the upstream login and calls a tool, but the token audience is the base URL', async () => {
    server = await startFastmcpOauth({ redirectUriPatterns: CLI_REDIRECT_URIS, resource: 'endpoint' });
    const verdict = await runCliAgainst(server.url, ['--spec', 'auto'], approveOnFastmcpConsentPage);
    expect(verdict.status).toBe('done');
    // fastmcp's own JWT names the base URL as its audience, not the resource the client asked for (RFC 8707 §2).
    expect(verdict.failingStep).toBe('token (failed)');
    expect(verdict.ruleIds).toEqual(['challenge.no-scope', 'token.audience-mismatch', 'version.auto-chosen']);
    expect(verdict.exitCode).toBe(1);
  });
});
