import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { PRM_PATH } from '../rules/test-support/fake-mcp-auth-server.ts';
import { APP_ORIGIN, runFlow } from '../rules/test-support/run-flow.ts';
import { RULES } from '../rules/catalog.ts';
import { providerView } from './explain.ts';
import { explained } from './test-support/explained.ts';
import { startBehindGateway, type GatewayOptions } from './test-support/gateway-server.ts';
// The real relay of `npm start`; only src/integration may reach into src/demo.
import { startTestRelay } from '../../integration/test-relay.ts';

const running: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((close) => close()));
});

async function runBehindGateway(options: GatewayOptions, as: 'cli' | 'browser with relay' = 'cli') {
  const server = await startBehindGateway(options);
  running.push(server.close);
  if (as === 'cli') return { session: await runFlow(server), base: server.base };
  const relay = await startTestRelay(APP_ORIGIN);
  running.push(() => relay.close());
  return { session: await runFlow(server, { browser: true, relay: { url: relay.url, secret: relay.secret } }), base: server.base };
}

/** Every text the user reads about this run: no finding, rule or explanation may tell them to move resource_metadata. */
function everythingSaid(session: FlowSession): string {
  const view = providerView(session);
  const rules = session.findings.map((finding) => RULES.find((rule) => rule.id === finding.ruleId)!);
  return [
    ...session.findings.map((finding) => finding.detail),
    ...rules.flatMap((rule) => [rule.problem, rule.fix]),
    ...Object.values(view.explanations).flatMap((explanation) => [explanation.cause, explanation.fix]),
  ].join('\n');
}

describe('a gateway in front of the MCP server (loopback imitation)', () => {
  it('its Basic challenge on the metadata URL names it; the fix is an exemption for /.well-known/*, never a new resource_metadata', async () => {
    const { session, base } = await runBehindGateway({ kind: 'basic', guards: 'path-url' });
    expect(session.status).toBe('done');
    expect(providerView(session).provider?.evidence).toBe(
      'recognised as Gateway, CDN or proxy in front of the server from its own challenge on the metadata URL (WWW-Authenticate: Basic realm="corp-gateway") and a refusal on the metadata URL' +
        ` (oauth-protected-resource/mcp answered HTTP 401)`,
    );
    const { finding, explanation } = explained(session, 'prm.behind-auth');
    expect(finding.detail).toContain(`${base}${PRM_PATH} answered HTTP 401 Unauthorized (WWW-Authenticate: Basic realm="corp-gateway"`);
    expect(explanation?.fix).toContain('Exempt /.well-known/*');
    expect(explanation?.fix).toContain('the gateway or proxy whose challenge says realm="corp-gateway"');
    const said = everythingSaid(session);
    expect(said).not.toMatch(/Point resource_metadata|repoint/i);
    expect(session.findings.map((candidate) => candidate.ruleId)).not.toContain('prm.challenge-url-unusable');
  });

  it('in the browser the gateway’s answer is blocked (no CORS); the relay names it, the block is explained the same way, and the flow goes on', async () => {
    const { session } = await runBehindGateway({ kind: 'basic', guards: 'path-url' }, 'browser with relay');
    expect(session.status).toBe('done');
    expect(explained(session, 'http.blocked').explanation?.deviation).toBe('gateway.metadata-behind-auth');
    expect(explained(session, 'prm.behind-auth').explanation?.deviation).toBe('gateway.metadata-behind-auth');
    expect(everythingSaid(session)).not.toMatch(/Point resource_metadata|repoint/i);
    // The evidence quotes the gateway's challenge, not the sentence of the finding it was read from.
    expect(providerView(session).provider?.evidence).toMatch(
      /^recognised as Gateway, CDN or proxy in front of the server from its own challenge on the metadata URL \(WWW-Authenticate: Basic realm="corp-gateway"\) and /,
    );
    expect(providerView(session).provider?.evidence).not.toContain('))');
    // The CORS findings on the gateway's 401 would have the server expose the gateway's Basic challenge:
    // the lever is the exemption, so the gateway's fix leads there too.
    for (const ruleId of ['cors.no-allow-origin', 'cors.header-not-exposed']) {
      expect(explained(session, ruleId).explanation?.deviation, ruleId).toBe('gateway.metadata-behind-auth');
    }
  });

  it('an SSO proxy’s sign-in page (403, no challenge) on both metadata URLs: the run stops, and its page is quoted as text', async () => {
    const { session } = await runBehindGateway({ kind: 'sso-page', guards: 'both-urls' });
    expect(session.status).toBe('failed');
    expect(providerView(session).provider?.id).toBe('gateway');
    // The page is quoted whole words at a time, and the quote is closed: no "…single sign-on prot)".
    expect(providerView(session).provider?.evidence).toContain(
      '(no WWW-Authenticate challenge; the body reads "Sign in Sign in to continue Example Corp single sign-on…")',
    );
    const { finding, explanation } = explained(session, 'prm.unreachable');
    expect(finding.detail).toContain(
      'HTTP 403 Forbidden (no WWW-Authenticate challenge; the body reads "Sign in Sign in to continue Example Corp single sign-on protects this site.',
    );
    expect(finding.detail).not.toMatch(/<|window\.__next/);
    expect(explanation?.fix).toContain('the gateway, CDN rule or SSO proxy in front of the server');
    expect(everythingSaid(session)).not.toMatch(/Point resource_metadata|repoint/i);
  });
});
