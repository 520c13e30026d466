import { checkResourceAllowed } from '@modelcontextprotocol/sdk/shared/auth-utils.js';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { EXIT_FAILED } from '../cli/exit-code.ts';
import { buildReport } from '../engine/report/build-report.ts';
import { runFlow } from '../engine/rules/test-support/run-flow.ts';
import { startFakeServer, type FakeServer } from '../engine/rules/test-support/fake-mcp-auth-server.ts';
import { sdkClientsAcceptResource } from '../engine/validate/sdk-resource-check.ts';

/**
 * Where the tool is stricter than the official SDK clients, the finding says so. The example: a
 * protected resource metadata `resource` that is the server's origin while the server is at /mcp.
 * SDK-based servers publish this when they pass their base URL as resourceServerUrl.
 */
let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const originAsResource = () => startFakeServer({ prm: (healthy) => ({ ...healthy, resource: new URL(String(healthy.resource)).origin }) });

describe('our model of the SDK’s resource check', () => {
  it.each([
    ['https://h.example/mcp', 'https://h.example/mcp'],
    ['https://h.example', 'https://h.example/mcp'],
    ['https://h.example/', 'https://h.example/mcp'],
    ['https://h.example/mc', 'https://h.example/mcp'],
    ['https://h.example/mcp/', 'https://h.example/mcp'],
    ['https://h.example/mcp/x', 'https://h.example/mcp'],
    ['https://h.example/a', 'https://h.example/a/b/mcp'],
    ['https://other.example', 'https://h.example/mcp'],
    ['http://h.example', 'https://h.example/mcp'],
  ])('resource %s for %s: as the SDK’s checkResourceAllowed decides', (resource, server) => {
    expect(sdkClientsAcceptResource(resource, server)).toBe(checkResourceAllowed({ requestedResource: server, configuredResource: resource }));
  });
});

describe('a resource that is a path prefix of the server URL', () => {
  it('is refused, and the finding says SDK clients accept it, in the app and the CLI', async () => {
    fake = await originAsResource();
    const session = await runFlow(fake);
    const finding = session.findings.find((entry) => entry.ruleId === 'prm.resource-mismatch')!;
    expect(finding.detail).toContain('The official SDK clients accept it (a path prefix of the server URL on the same origin); RFC 9728 §3.3 does not.');
    expect(buildReport(session).findings.find((entry) => entry.ruleId === 'prm.resource-mismatch')?.stricterThanSdk).toContain(
      'The official SDK clients accept a `resource` on the same origin',
    );

    const out: string[] = [];
    const code = await runCli(
      { serverUrl: fake.mcpUrl, spec: '2025-11-25', json: false, audit: false, timeoutMs: 5_000, notices: [] },
      { stdout: (text) => out.push(text), stderr: () => undefined, openBrowser: () => undefined },
    );
    expect(code).toBe(EXIT_FAILED);
    expect(out.join('')).toContain('stricter than the SDK: The official SDK clients accept a `resource` on the same origin');
    expect(out.join('')).toContain('Result: the flow failed (exit 1)');
  });

  it('with --continue-on-error, the CLI goes on as the app’s "Continue anyway" does, every later step off-spec', async () => {
    fake = await originAsResource();
    const out: string[] = [];
    const code = await runCli(
      { serverUrl: fake.mcpUrl, spec: '2025-11-25', json: false, audit: false, continueOnError: true, timeoutMs: 5_000, notices: [] },
      { stdout: (text) => out.push(text), stderr: () => undefined, openBrowser: () => undefined },
    );
    const text = out.join('');
    expect(code).toBe(EXIT_FAILED);
    expect(text).toContain('Off-spec: the run went on past an error a conforming client stops at (--continue-on-error).');
    expect(text).toMatch(/✗ Protected resource metadata — /);
    expect(text).toMatch(/✓ Authorization server metadata \(off-spec\) — /);
    expect(text).toMatch(/✓ Token request \(off-spec\) — /);
    // The fake server holds its tokens to the audience /mcp, so the token for the origin is refused: the run shows it.
    expect(text).toContain('✗ Retry with the access token (off-spec) — initialize failed with HTTP 401.');
    expect(text).toContain('Result: the flow failed (exit 1)');
  });
});
