import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { html, PRM_PATH, startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { APP_ORIGIN, runFlow } from '../rules/test-support/run-flow.ts';
import { json } from '../test-support/loopback-server.ts';
// The real relay of `npm start`; only src/integration may reach into src/demo.
import { startTestRelay } from '../../integration/test-relay.ts';

const ROOT_PRM_PATH = '/.well-known/oauth-protected-resource';

/** A gateway in front of the MCP server: its own Basic challenge and sign-in page, and no CORS headers, on the path-inserted URL. */
const GATEWAY_PAGE =
  '<!doctype html><html><head><title>Corp Gateway</title><style>h1{color:red}</style></head><body><h1>Sign in to Corp Gateway</h1></body></html>';

let stop: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(stop.map((close) => close()));
  stop = [];
});

async function gatewayBlocksPathUrl(): Promise<FakeServer> {
  const fake = await startFakeServer({
    cors: (path, healthy) => (path === PRM_PATH ? {} : healthy),
    routes: {
      [PRM_PATH]: ({ response }) => {
        response.setHeader('WWW-Authenticate', 'Basic realm="corp-gateway"');
        html(response, 401, GATEWAY_PAGE);
      },
      // The root URL is not behind the gateway and serves the same document the healthy path URL would.
      [ROOT_PRM_PATH]: ({ response, base }) =>
        json(response, 200, { resource: `${base}/mcp`, authorization_servers: [base], scopes_supported: ['mcp', 'admin'] }),
    },
  });
  stop.push(fake.close);
  return fake;
}

const stepStatus = (session: FlowSession, id: string) => session.steps.find((step) => step.id === id)?.status;
const prmExchanges = (session: FlowSession) =>
  session.exchanges.filter((exchange) => exchange.stepId === 'prm').map((exchange) => [new URL(exchange.request.url).pathname, exchange.outcome]);

describe('the browser falls back to the root protected resource metadata URL, as the CLI does', () => {
  it('blocked path-inserted URL (a gateway’s 401 without CORS): the root URL is tried and the flow completes, with the block reported', async () => {
    const fake = await gatewayBlocksPathUrl();
    const session = await runFlow(fake, { browser: true });

    expect(prmExchanges(session)).toEqual([
      [PRM_PATH, 'blocked'],
      [ROOT_PRM_PATH, 'response'],
    ]);
    expect(stepStatus(session, 'prm')).not.toBe('blocked');
    expect(session.status).toBe('done');
    const blocked = session.findings.find((finding) => finding.ruleId === 'http.blocked');
    expect(blocked?.detail).toContain(`${fake.base}${PRM_PATH}`);
    expect(blocked?.exchangeId).toBe(session.exchanges.find((exchange) => exchange.outcome === 'blocked')?.id);
    const notes = session.steps.find((step) => step.id === 'prm')?.notes ?? [];
    expect(notes.join('\n')).toContain(`${fake.base}${ROOT_PRM_PATH} → found`);
  });

  it('with the relay: it is asked about the blocked URL at once, and its verdict names the gateway’s challenge and the missing CORS header', async () => {
    const fake = await gatewayBlocksPathUrl();
    const relay = await startTestRelay(APP_ORIGIN);
    stop.push(() => relay.close());
    const session = await runFlow(fake, { browser: true, relay: { url: relay.url, secret: relay.secret } });

    expect(session.status).toBe('done');
    const blockedExchange = session.exchanges.find((exchange) => exchange.outcome === 'blocked');
    expect(blockedExchange?.relay?.response).toMatchObject({ status: 401 });
    const ruleIds = session.findings.map((finding) => finding.ruleId);
    expect(ruleIds).toContain('cors.no-allow-origin');
    // The relay saw the gateway's refusal: the fix is an exemption at the gateway, never a new resource_metadata URL.
    expect(ruleIds).toContain('prm.behind-auth');
    expect(ruleIds).not.toContain('prm.challenge-url-unusable');
    const blocked = session.findings.find((finding) => finding.ruleId === 'http.blocked');
    // The gateway's own words, as text: its challenge and the readable part of its page (no markup, no style sheet).
    expect(blocked?.detail).toContain('HTTP 401 (WWW-Authenticate: Basic realm="corp-gateway"; the body reads "Corp Gateway Sign in to Corp Gateway")');
  });

  it('the CLI (no CORS filter) takes the same path: the gateway’s 401 is passed over and the root URL serves the metadata', async () => {
    const fake = await gatewayBlocksPathUrl();
    const session = await runFlow(fake);

    expect(prmExchanges(session)).toEqual([
      [PRM_PATH, 'response'],
      [ROOT_PRM_PATH, 'response'],
    ]);
    expect(session.status).toBe('done');
    const behindAuth = session.findings.find((finding) => finding.ruleId === 'prm.behind-auth');
    expect(behindAuth?.detail).toBe(
      `${fake.base}${PRM_PATH} answered HTTP 401 Unauthorized (WWW-Authenticate: Basic realm="corp-gateway"; the body reads "Corp Gateway Sign in to Corp Gateway").`,
    );
    expect(session.findings.map((finding) => finding.ruleId)).not.toContain('prm.challenge-url-unusable');
  });
});
