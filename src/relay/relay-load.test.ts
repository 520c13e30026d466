import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_MAX_QUEUED, type RunningRelay } from './start-relay.ts';
import { callRelay, relayGet, takeGrant } from './test-support/relay-client.ts';

const PARALLEL = 200;
const ANSWER_BYTES = 2 * 1024 * 1024;
const UPSTREAM_DELAY_MS = 150;
/** Capped: about 120 MB (eight 2 MiB answers with their JSON copies). Uncapped: 560 MB. */
const RSS_GROWTH_CEILING = 250 * 1024 * 1024;
/** Uncapped, a probe took 17 s on this 2-core machine; capped, under half a second alone, up to 3 s beside other test files. */
const HEALTH_BOUND_MS = 5_000;

let upstream: Server;
let upstreamUrl: string;
let running = 0;
let peakRunning = 0;
let relay: Pick<RunningRelay, 'url' | 'secret'>;
let relayProcess: ChildProcess;

beforeAll(async () => {
  const answer = Buffer.alloc(ANSWER_BYTES, 'a');
  upstream = createServer((_req, res) => {
    running += 1;
    peakRunning = Math.max(peakRunning, running);
    res.on('close', () => (running -= 1));
    setTimeout(() => res.end(answer), UPSTREAM_DELAY_MS);
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/big`;
  relayProcess = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./test-support/relay-process.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [line] = (await once(createInterface({ input: relayProcess.stdout! }), 'line')) as [string];
  relay = JSON.parse(line) as typeof relay;
});

/** The relay process's resident memory, from /proc (Linux). */
function relayRss(): number {
  const status = readFileSync(`/proc/${relayProcess.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1] ?? NaN) * 1024;
}

afterAll(async () => {
  relayProcess.kill('SIGTERM');
  await once(relayProcess, 'exit');
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

/** GET /health on a connection of its own (the test's fetch pool is busy with the load). */
function getHealth(relayUrl: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    get(`${relayUrl}/health`, { agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    }).on('error', reject);
  });
}

/** Reads a response to the end without keeping it, so the test's own memory stays out of the measure. */
async function statusAfterReading(response: Response): Promise<{ status: number; bytes: number; error?: string }> {
  if (response.status === 429) return { status: 429, bytes: 0, error: ((await response.json()) as { error: string }).error };
  let bytes = 0;
  const reader = response.body?.getReader();
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) bytes += read.value.length;
  return { status: response.status, bytes };
}

it('200 parallel requests for slow 2 MiB answers get 200 or 429, the upstream sees at most the cap, /health stays fast and memory stays bounded', async () => {
  const rssBefore = relayRss();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, relayRss())), 10);

  const grant = await takeGrant(relay, upstreamUrl);
  const results = Promise.all(Array.from({ length: PARALLEL }, () => callRelay(relay, relayGet(upstreamUrl), { grant }).then(statusAfterReading)));

  const healthTimes: number[] = [];
  for (let probe = 0; probe < 10; probe += 1) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    expect(await getHealth(relay.url)).toEqual({ ok: true });
    healthTimes.push(performance.now() - started);
  }

  const outcomes = await results;
  clearInterval(sampler);

  const served = outcomes.filter((outcome) => outcome.status === 200);
  const refused = outcomes.filter((outcome) => outcome.status === 429);
  expect(served.length + refused.length).toBe(PARALLEL);
  expect(served.every((outcome) => outcome.bytes > ANSWER_BYTES)).toBe(true);
  expect(refused.length).toBeGreaterThan(0);
  expect(refused[0]?.error).toMatch(/^The relay is busy: 8 requests are running and 32 are waiting/);
  // Everyone that fitted in the queue was served, in turn.
  expect(served.length).toBeGreaterThanOrEqual(8 + DEFAULT_MAX_QUEUED);
  expect(peakRunning).toBeLessThanOrEqual(8);
  expect(Math.max(...healthTimes)).toBeLessThan(HEALTH_BOUND_MS);
  expect(rssPeak - rssBefore).toBeLessThan(RSS_GROWTH_CEILING);

  // Once the load is gone, the relay serves again.
  expect((await callRelay(relay, relayGet(upstreamUrl)).then(statusAfterReading)).status).toBe(200);
}, 60_000);
