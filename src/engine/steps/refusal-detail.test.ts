import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { AS_METADATA_PATH, html, startFakeServer, type FakeServer, type FakeServerOptions } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { json } from '../test-support/loopback-server.ts';

/**
 * A 401 or 403 from something other than the MCP server (an authorization server, a gateway in
 * front of one) shows, in the finding, its WWW-Authenticate challenge and the readable part of its
 * body: text only, bounded, markup dropped.
 */

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function run(server: FakeServerOptions): Promise<FlowSession> {
  fake = await startFakeServer(server);
  return runFlow(fake);
}

const detailOf = (session: FlowSession, ruleId: string) => session.findings.find((finding) => finding.ruleId === ruleId)?.detail ?? '';

/** Okta's answer to a registration request without a token that carries okta.clients.register (its E0000006 error shape). */
const OKTA_CHALLENGE =
  'Bearer error="insufficient_scope", scope="okta.clients.register", error_description="The access token provided does not contain the required scopes."';
const OKTA_BODY = {
  errorCode: 'E0000006',
  errorSummary: 'You do not have permission to perform the requested action',
  errorLink: 'E0000006',
  errorId: 'oae3kA8yTRdQ3mXJm4ZvYbC0w',
  errorCauses: [],
};

describe('what a refusal said is in the finding', () => {
  it('a registration endpoint’s 403 (Okta’s required scope): the challenge and the error summary, verbatim', async () => {
    const session = await run({
      routes: { '/register': ({ response }) => json(response, 403, OKTA_BODY, { 'WWW-Authenticate': OKTA_CHALLENGE }) },
    });
    const detail = detailOf(session, 'registration.rejected');
    expect(detail).toContain(`WWW-Authenticate: ${OKTA_CHALLENGE}`);
    expect(detail).toContain('"errorSummary":"You do not have permission to perform the requested action"');
  });

  it('a gateway’s HTML 401 on the authorization server metadata: its Basic realm and the words on its page, no markup', async () => {
    const page =
      '<!DOCTYPE html><html><head><title>401 Authorization Required</title><script>var next=location.href</script></head>' +
      '<body><center><h1>401 Authorization Required</h1></center><hr><center>corp-gateway</center></body></html>';
    const session = await run({
      routes: {
        [AS_METADATA_PATH]: ({ response }) => {
          response.setHeader('WWW-Authenticate', 'Basic realm="corp-gateway"');
          html(response, 401, page);
        },
      },
    });
    const detail = detailOf(session, 'as.metadata-unreachable');
    expect(detail).toContain(
      `${fake!.base}${AS_METADATA_PATH} → HTTP 401 Unauthorized (WWW-Authenticate: Basic realm="corp-gateway"; ` +
        'the body reads "401 Authorization Required 401 Authorization Required corp-gateway")',
    );
    expect(detail).not.toContain('<');
    expect(detail).not.toContain('location.href');
  });

  it('a long refusal page is quoted only in part', async () => {
    const session = await run({
      routes: { [AS_METADATA_PATH]: ({ response }) => html(response, 403, `<p>${'Access denied by policy. '.repeat(2_000)}</p>`) },
    });
    const detail = detailOf(session, 'as.metadata-unreachable');
    expect(detail).toContain('no WWW-Authenticate challenge; the body reads "Access denied by policy.');
    expect(detail).toContain('…"');
    expect(detail.length).toBeLessThan(1_200);
  });
});
