import { afterEach, describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { PARSE_LIMIT_BYTES } from '../http/read-body.ts';
import { json } from '../test-support/loopback-server.ts';
import { AS_METADATA_PATH, MCP_PATH, PRM_PATH, startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';

/**
 * Issue 9 §2.5: a large metadata document is read whole (up to the parse limit), not from the copy
 * kept for display. A valid 600 KB resource metadata document and a valid 15 MiB authorization
 * server metadata document are used; a document past the limit gets a size finding, and truncated
 * JSON is never called invalid.
 */
const MIB = 1024 * 1024;

let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A healthy document grown to about `bytes` with a long, valid, extra member (RFC 9728 §2 / RFC 8414 §2 allow extra members). */
function padded(document: Record<string, unknown>, bytes: number): Record<string, unknown> {
  return { ...document, x_padding: 'p'.repeat(bytes) };
}

const ruleIds = (session: FlowSession) => session.findings.map((finding) => finding.ruleId);
const statusOf = (session: FlowSession, id: string) => session.steps.find((step) => step.id === id)?.status;

describe('large metadata documents are parsed whole, up to the parse limit', () => {
  it('a valid 600 KB resource metadata document and a valid 15 MiB authorization server metadata document: the flow succeeds', async () => {
    fake = await startFakeServer({ prm: (healthy) => padded(healthy, 600 * 1024), asMetadata: (healthy) => padded(healthy, 15 * MIB) });
    const session = await runFlow(fake, { spec: '2025-11-25' });

    expect(statusOf(session, 'prm')).toBe('ok');
    expect(statusOf(session, 'as-discovery')).toBe('ok');
    expect(session.status).toBe('done');
    expect(ruleIds(session)).not.toContain('http.not-json');
    expect(ruleIds(session)).not.toContain('prm.unreachable');
    // The recording keeps a copy cut for display, and says so; the check read the whole document.
    const prm = session.exchanges.find((exchange) => exchange.request.url.endsWith(PRM_PATH))!.response!;
    expect(prm).toMatchObject({ bodyTruncated: true, bodyBytes: expect.any(Number) });
    expect(prm.bodyBytes).toBeGreaterThan(600 * 1024);
    expect(prm.bodyReadLimit).toBeUndefined();
  }, 30_000);

  it('a valid 1 MiB tools/list answer is read whole: the authenticated step lists every tool', async () => {
    const tools = Array.from({ length: 2_000 }, (_, index) => ({ name: `tool-${index}`, description: 'd'.repeat(512), inputSchema: { type: 'object' } }));
    fake = await startFakeServer({
      routes: {
        [MCP_PATH]: ({ response, rpc, claims }, healthy) =>
          rpc?.method === 'tools/list' && claims ? json(response, 200, { jsonrpc: '2.0', id: rpc.id, result: { tools } }) : healthy(),
      },
    });
    const session = await runFlow(fake, { spec: '2025-11-25' });

    expect(statusOf(session, 'mcp-authenticated')).toBe('ok');
    expect(session.learned.tools).toHaveLength(2_000);
    expect(ruleIds(session)).not.toContain('http.not-json');
  }, 30_000);

  it('past the limit: a size finding names the size and the limit, and no finding calls the document invalid JSON', async () => {
    const huge = PARSE_LIMIT_BYTES + 4 * MIB;
    fake = await startFakeServer({
      routes: { [AS_METADATA_PATH]: ({ response, base }) => json(response, 200, padded({ issuer: base }, huge)) },
    });
    const session = await runFlow(fake, { spec: '2025-11-25' });

    expect(statusOf(session, 'as-discovery')).toBe('failed');
    expect(ruleIds(session)).not.toContain('http.not-json');
    const [finding] = session.findings.filter((candidate) => candidate.ruleId === 'http.body-too-large');
    expect(finding?.detail).toContain(`${fake.base}${AS_METADATA_PATH}`);
    expect(finding?.detail).toContain(`the parse limit is ${PARSE_LIMIT_BYTES.toLocaleString('en-US')} bytes (16 MiB)`);
    expect(finding?.detail).toMatch(/the body is at least [\d,]+ bytes/);
    const exchange = session.exchanges.find((candidate) => candidate.id === finding?.exchangeId);
    expect(exchange?.response?.bodyReadLimit).toBe(PARSE_LIMIT_BYTES);
  }, 30_000);
});
