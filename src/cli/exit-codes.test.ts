import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioMcpUrl } from '../demo/scenarios/catalog.ts';
import { freePort } from '../demo/test-support/free-port.ts';
import { startDemoServers, type DemoServers } from '../demo/test-support/demo-servers.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_UNREACHABLE, EXIT_USAGE } from './exit-code.ts';
import { runCliProcess } from './test-support/cli-process.ts';

/** Each documented exit code, from the command as a CI job runs it, against real servers. */
let demo: DemoServers;
let folder: string;
beforeAll(async () => {
  demo = await startDemoServers({ scenarios: true });
  folder = await mkdtemp(join(tmpdir(), 'mcp-auth-flow-exit-'));
});
afterAll(async () => {
  await demo?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

describe('exit codes of mcp-auth-flow check', () => {
  it('0: the healthy demo, as a browser at an allowed origin, and the JUnit report passes', async () => {
    const junit = join(folder, 'healthy.xml');
    const run = await runCliProcess([scenarioMcpUrl(demo.mcpOrigin, 'healthy'), '--browser-origin', 'http://localhost:3000', '--junit', junit]);
    expect(run.stdout).toContain('Result: the flow completed (exit 0)');
    expect(run.code).toBe(EXIT_OK);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(/<testsuites name="mcp-auth-flow" tests="\d+" failures="0"/);
  });

  it('1: WWW-Authenticate not exposed, as a browser at http://localhost:3000; the header line to add is printed and in the JUnit failure', async () => {
    const junit = join(folder, 'not-exposed.xml');
    const run = await runCliProcess([scenarioMcpUrl(demo.mcpOrigin, 'challenge-not-exposed'), '--browser-origin', 'http://localhost:3000', '--junit', junit]);
    expect(run.stdout).toContain('cors.header-not-exposed');
    expect(run.stdout).toContain('Send: Access-Control-Expose-Headers: Mcp-Session-Id, WWW-Authenticate');
    expect(run.code).toBe(EXIT_FAILED);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toMatch(
      /<failure type="cors\.header-not-exposed" message="cors\.header-not-exposed: [^"]*Send: Access-Control-Expose-Headers: Mcp-Session-Id, WWW-Authenticate/,
    );
  });

  it('2: bad usage, with the reason on stderr', async () => {
    const run = await runCliProcess([scenarioMcpUrl(demo.mcpOrigin, 'healthy'), '--browser-origin', 'https://app.example/path']);
    // Named as the subcommand it is, as `demo`, `ui` and `relay` name themselves.
    expect(run.stderr).toMatch(/^mcp-auth-flow check: --browser-origin takes an origin/);
    expect(run.stdout).toBe('');
    expect(run.code).toBe(EXIT_USAGE);
  });

  it('3: nothing listens at the port, so nothing came back', async () => {
    const run = await runCliProcess([`http://127.0.0.1:${await freePort()}/mcp`, '--timeout', '3000']);
    expect(run.stdout).toContain('Result: the server could not be reached: nothing came back (exit 3)');
    expect(run.code).toBe(EXIT_UNREACHABLE);
  });

  it('3: the first request times out (the server accepts the connection and never answers)', async () => {
    const run = await runCliProcess([scenarioMcpUrl(demo.mcpOrigin, 'never-answers'), '--timeout', '1000']);
    expect(run.stdout).toContain('http.timeout');
    expect(run.code).toBe(EXIT_UNREACHABLE);
  });

  it('3: TLS fails (https to a port that speaks plain HTTP)', async () => {
    const run = await runCliProcess([`https://127.0.0.1:${new URL(demo.mcpOrigin).port}/mcp`, '--timeout', '3000']);
    expect(run.stdout).toContain('http.network-error');
    expect(run.code).toBe(EXIT_UNREACHABLE);
  });

  it('3: a name that does not resolve (DNS failure)', async () => {
    const run = await runCliProcess(['http://mcp-auth-flow-test.invalid/mcp', '--timeout', '3000', '--json']);
    expect(JSON.parse(run.stdout)).toMatchObject({ status: 'failed' });
    expect(run.code).toBe(EXIT_UNREACHABLE);
  });
});
