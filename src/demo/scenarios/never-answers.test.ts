import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServers, type DemoServers } from '../test-support/demo-servers.ts';
import { TEST_APP_ORIGIN } from '../test-support/headless-oauth-client.ts';
import { postMcp } from '../test-support/mcp-request.ts';
import { sendPreflight } from '../test-support/preflight.ts';
import { scenarioMcpUrl } from './catalog.ts';

const CLIENT_TIMEOUT_MS = 300;

let servers: DemoServers;
let url: string;

beforeAll(async () => {
  servers = await startDemoServers({ scenarios: true });
  url = scenarioMcpUrl(servers.mcpOrigin, 'never-answers');
});

afterAll(() => servers?.close());

function postWithTimeout(timeoutMs: number) {
  return postAbortable(AbortSignal.timeout(timeoutMs));
}

function postAbortable(signal: AbortSignal) {
  return fetch(url, {
    method: 'POST',
    headers: { origin: TEST_APP_ORIGIN, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
    signal,
  });
}

describe('never-answers', () => {
  it('answers the preflight, so the browser does send the request', async () => {
    const response = await sendPreflight(url);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(TEST_APP_ORIGIN);
  });

  it('never answers the request: the client gives up at its own timeout', async () => {
    const started = Date.now();
    await expect(postWithTimeout(CLIENT_TIMEOUT_MS)).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(CLIENT_TIMEOUT_MS - 20);
  });

  it('leaves the other endpoints on the origin answering meanwhile', async () => {
    const controller = new AbortController();
    const hanging = postAbortable(controller.signal).catch(() => undefined);
    expect((await postMcp(servers.mcp.url, { id: 1, method: 'initialize', params: {} })).status).toBe(401);
    controller.abort();
    await hanging;
  });
});

describe('closing the demo servers', () => {
  it('does not wait for a request that never got an answer', async () => {
    const own = await startDemoServers({ scenarios: true });
    const hanging = fetch(scenarioMcpUrl(own.mcpOrigin, 'never-answers'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      signal: AbortSignal.timeout(10_000),
    });
    const outcome = hanging.then(
      () => 'answered',
      (error: unknown) => (error as Error).name,
    );
    await new Promise((resolve) => setTimeout(resolve, 100));

    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await outcome).toBe('TypeError');
  });
});
