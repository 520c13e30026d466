import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../cli/run.ts';
import { EXIT_FAILED } from '../cli/exit-code.ts';
import { startFakeServer, type FakeServer } from '../engine/rules/test-support/fake-mcp-auth-server.ts';
import type { FlowReport as Report } from '../engine/report/report-format.ts';

/**
 * Issue 12, item 3: behind a provider whose metadata omits code_challenge_methods_supported (Entra ID,
 * Cognito), a 2025-11-25 client must stop at discovery, although PKCE with S256 works. The developer
 * cannot change the provider's metadata, so --continue-on-error lets the CLI go on, as the app's
 * "Continue anyway" does: the run reaches the token step and every step after the stop is off-spec.
 */
let fake: FakeServer | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function cliOutput(continueOnError: boolean, json: boolean): Promise<{ code: number; out: string }> {
  fake = await startFakeServer({
    asMetadata: (healthy) => Object.fromEntries(Object.entries(healthy).filter(([name]) => name !== 'code_challenge_methods_supported')),
  });
  const out: string[] = [];
  const code = await runCli(
    { serverUrl: fake.mcpUrl, spec: '2025-11-25', json, audit: false, continueOnError, timeoutMs: 5_000, notices: [] },
    { stdout: (text) => out.push(text), stderr: () => undefined, openBrowser: () => undefined },
  );
  return { code, out: out.join('') };
}

async function runWithoutPkceMetadata(continueOnError: boolean): Promise<{ code: number; report: Report }> {
  const { code, out } = await cliOutput(continueOnError, true);
  return { code, report: JSON.parse(out) as Report };
}

const stepsOf = (report: Report) => report.steps.map((step) => `${step.kind}:${step.status}${step.offSpec ? ' off-spec' : ''}`);

describe('--continue-on-error behind a provider that omits code_challenge_methods_supported', () => {
  it('without it, the CLI stops at discovery as a conforming 2025-11-25 client must', async () => {
    const { code, report } = await runWithoutPkceMetadata(false);
    expect(code).toBe(EXIT_FAILED);
    expect(stepsOf(report)).toContain('as-discovery:failed');
    expect(stepsOf(report)).not.toContain('token:ok');
  });

  it('without it, the printed result says the flag that shows the rest, as the app offers Continue anyway', async () => {
    const { out } = await cliOutput(false, false);
    expect(out).toContain(
      'A conforming client stops at Authorization server metadata; to see the rest of the flow (off-spec), run again with --continue-on-error.',
    );
  });

  it('with it, the run reaches the token step, the MCP server and a tool call, each later step marked off-spec', async () => {
    const { code, report } = await runWithoutPkceMetadata(true);
    expect(report.findings.map((finding) => finding.ruleId)).toContain('as.pkce-methods-absent');
    expect(stepsOf(report)).toEqual([
      'mcp-unauthenticated:ok',
      'challenge:ok',
      'prm:ok',
      'as-discovery:failed',
      'registration:ok off-spec',
      'authorize:ok off-spec',
      'callback:ok off-spec',
      'token:ok off-spec',
      'mcp-authenticated:ok off-spec',
      'tool-call:ok off-spec',
    ]);
    expect(report.offSpec).toBe(true);
    // The error finding stays: exit 1 even though the flow got through.
    expect(code).toBe(EXIT_FAILED);
  });
});
