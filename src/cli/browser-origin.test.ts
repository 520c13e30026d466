import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioMcpUrl, type ScenarioId } from '../demo/scenarios/catalog.ts';
import { startDemoServers, type DemoServers } from '../demo/test-support/demo-servers.ts';
import { parseReport } from '../engine/report/parse-report.ts';
import type { CliOptions } from './args.ts';
import { EXIT_FAILED, EXIT_OK } from './exit-code.ts';
import { runCli } from './run.ts';
import { logInAtDemo } from './test-support/demo-person.ts';

/**
 * --browser-origin against the demo's real servers: the CLI meets what the app meets in a browser
 * at that origin, and says it with the app's own cors.* findings. The demo serves any loopback
 * origin (src/demo/browser-origin.ts), so http://localhost:3000 is an allowed one.
 */
const BROWSER_ORIGIN = 'http://localhost:3000';

let demo: DemoServers;
beforeAll(async () => {
  demo = await startDemoServers({ scenarios: true });
});
afterAll(() => demo?.close());

async function check(id: ScenarioId, browserOrigin?: string): Promise<{ code: number; text: string; said: string }> {
  const options: CliOptions = {
    serverUrl: scenarioMcpUrl(demo.mcpOrigin, id),
    spec: 'auto',
    json: false,
    audit: false,
    timeoutMs: 10_000,
    notices: [],
    ...(browserOrigin ? { browserOrigin } : {}),
  };
  const out: string[] = [];
  const said: string[] = [];
  const code = await runCli(options, { stdout: (text) => out.push(text), stderr: (line) => said.push(line), openBrowser: (url) => void logInAtDemo(url) });
  return { code, text: out.join(''), said: said.join('\n') };
}

describe('check --browser-origin against the demo', () => {
  it('WWW-Authenticate not exposed: exit 1, with the rule and the exact header line to add', async () => {
    const { code, text, said } = await check('challenge-not-exposed', BROWSER_ORIGIN);
    expect(said).toContain(`Judging every exchange as a browser page at ${BROWSER_ORIGIN} would`);
    expect(text).toContain(`· as a browser at ${BROWSER_ORIGIN}`);
    expect(code).toBe(EXIT_FAILED);
    expect(text).toContain('error   cors.header-not-exposed: ');
    expect(text).toContain('Send: Access-Control-Expose-Headers: Mcp-Session-Id, WWW-Authenticate');
    expect(text).toContain('challenge.hidden-by-cors');
  });

  it('--json keeps the report format and adds the browser origin', async () => {
    const out: string[] = [];
    const code = await runCli(
      {
        serverUrl: scenarioMcpUrl(demo.mcpOrigin, 'no-cors'),
        spec: 'auto',
        json: true,
        audit: false,
        timeoutMs: 10_000,
        notices: [],
        browserOrigin: BROWSER_ORIGIN,
      },
      { stdout: (text) => out.push(text), stderr: () => undefined },
    );
    expect(code).toBe(EXIT_FAILED);
    const report = parseReport(out.join(''));
    expect(report).toMatchObject({ format: 'mcp-auth-flow/report@1', status: 'failed', browserOrigin: BROWSER_ORIGIN });
  });

  it('the same server without the flag passes: Node reads the header a browser would hide', async () => {
    const { code, text } = await check('challenge-not-exposed');
    expect(text).not.toContain('cors.');
    expect(code).toBe(EXIT_OK);
  });

  it('no CORS at all: blocked at the first request, with the preflight and Allow-Origin lines', async () => {
    const { code, text } = await check('no-cors', BROWSER_ORIGIN);
    expect(code).toBe(EXIT_FAILED);
    expect(text).toContain('http.blocked');
    expect(text).toContain('cors.no-allow-origin');
    expect(text).toContain(`Access-Control-Allow-Origin: ${BROWSER_ORIGIN}`);
    expect(text).toMatch(/⊘ /);
  });

  it('the token endpoint without CORS: the flow gets through login, and the token request is blocked and explained', async () => {
    const { code, text } = await check('token-no-cors', BROWSER_ORIGIN);
    expect(code).toBe(EXIT_FAILED);
    expect(text).toMatch(/cors\.no-allow-origin: The response \(POST \/\S*token → \d{3}\): no Access-Control-Allow-Origin/);
  });

  it('with no one to log in (CI), --login-timeout ends the run instead of waiting five minutes', async () => {
    const out: string[] = [];
    const started = Date.now();
    const code = await runCli(
      { serverUrl: scenarioMcpUrl(demo.mcpOrigin, 'healthy'), spec: 'auto', json: false, audit: false, timeoutMs: 10_000, loginTimeoutMs: 1_000, notices: [] },
      { stdout: (text) => out.push(text), stderr: () => undefined, openBrowser: () => undefined },
    );
    expect(code).toBe(EXIT_FAILED);
    expect(out.join('')).toContain('No callback reached');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('the healthy demo, the origin allowed: exit 0 and no CORS finding', async () => {
    const { code, text } = await check('healthy', BROWSER_ORIGIN);
    expect(text).not.toContain('cors.');
    expect(text).toContain('Result: the flow completed (exit 0)');
    expect(code).toBe(EXIT_OK);
  });
});
