import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRelay, type RunningRelay } from './start-relay.ts';
import { APP_ORIGIN, callRelay, relayGet, takeGrant } from './test-support/relay-client.ts';
import { startTargetServer, type TargetServer } from './test-support/target-server.ts';

let relay: RunningRelay;
let target: TargetServer;

beforeAll(async () => {
  target = await startTargetServer();
  relay = await startRelay({ port: 0, allowedOrigins: [APP_ORIGIN] });
});

afterAll(async () => {
  await relay.close();
  await target.close();
});

async function refusal(response: Response): Promise<{ status: number; error: string }> {
  const { error } = (await response.json()) as { error: string };
  return { status: response.status, error };
}

describe('URLs the relay refuses', () => {
  it.each([
    ['file:///etc/passwd', 'file:'],
    ['gopher://127.0.0.1:70/_SET%20key', 'gopher:'],
    ['javascript:alert(1)', 'javascript:'],
    ['data:text/plain,hello', 'data:'],
    ['ftp://127.0.0.1/', 'ftp:'],
  ])('refuses %s with 400, naming the scheme', async (url, scheme) => {
    expect(await refusal(await callRelay(relay, relayGet(url)))).toEqual({
      status: 400,
      error: `Only http and https URLs can be relayed, not ${scheme} URLs.`,
    });
  });

  it.each(['not a url', 'http//127.0.0.1/', 'http://', ''])('refuses the malformed URL "%s" with 400', async (url) => {
    const { status, error } = await refusal(await callRelay(relay, relayGet(url)));
    expect(status).toBe(400);
    expect(error).toMatch(/valid URL|must be a URL/);
  });

  it('refuses a URL carrying a user name and password', async () => {
    const { status } = await refusal(await callRelay(relay, relayGet(`http://user:pass@${new URL(target.origin).host}/`)));
    expect(status).toBe(400);
    expect(target.received).toEqual([]);
  });
});

describe('bodies the relay refuses', () => {
  it('refuses an origin to present that is not an http(s) origin', async () => {
    for (const origin of ['null', 'http://localhost:5173/', 'file://', 'localhost:5173']) {
      const { status, error } = await refusal(await callRelay(relay, { ...relayGet(`${target.origin}/`), origin }));
      expect({ origin, status }).toEqual({ origin, status: 400 });
      expect(error).toContain('"origin"');
    }
  });

  it('refuses a header that would smuggle a second header in, and methods browsers never send', async () => {
    const smuggling = { ...relayGet(`${target.origin}/`), headers: [['x-a', 'b\r\nCookie: stolen=1']] };
    expect((await callRelay(relay, smuggling)).status).toBe(400);
    for (const method of ['CONNECT', 'trace', 'GET /x HTTP/1.1']) {
      expect((await callRelay(relay, { ...relayGet(`${target.origin}/`), method })).status).toBe(400);
    }
    expect((await callRelay(relay, '{"url": ')).status).toBe(400);
    expect(target.received).toEqual([]);
  });

  it('refuses a request body over 1 MiB with 413', async () => {
    const oversized = { ...relayGet(`${target.origin}/`), method: 'POST', body: 'x'.repeat(1024 * 1024) };
    const { status, error } = await refusal(await callRelay(relay, oversized));
    expect(status).toBe(413);
    expect(error).toContain('1 MiB');
    expect(target.received).toEqual([]);
  });

  it('refuses an oversized body sent without Content-Length too', async () => {
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    let sent = 0; // 64 × 64 KiB: 4 MiB in chunks, with no Content-Length up front
    const chunked = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 64) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${relay.url}/relay`, {
      method: 'POST',
      headers: {
        origin: APP_ORIGIN,
        'x-relay-secret': relay.secret,
        'x-relay-grant': await takeGrant(relay, target.origin),
        'content-type': 'application/json',
      },
      body: chunked,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });
});
