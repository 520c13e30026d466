import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliOptions } from './args.ts';
import { EXIT_FAILED, EXIT_OK } from './exit-code.ts';
import { runCli } from './run.ts';
import { startSdkExampleServer, type SdkExampleServer } from './test-support/sdk-example-server.ts';

/** The CLI against the official SDK's own OAuth example, a healthy 2025-era server. */
let server: SdkExampleServer;
beforeAll(async () => {
  server = await startSdkExampleServer();
}, 20_000);
afterAll(() => server.close());

async function run(options: Partial<CliOptions>): Promise<{ code: number; text: string }> {
  const out: string[] = [];
  const code = await runCli(
    { serverUrl: server.mcpUrl, spec: '2025-11-25', json: false, audit: false, timeoutMs: 5_000, notices: [], ...options },
    { stdout: (text) => out.push(text), stderr: () => undefined, openBrowser: () => undefined },
  );
  return { code, text: out.join('') };
}

describe('the CLI against the SDK example server', () => {
  it('calls the first tool with arguments built from its input schema, so a healthy server passes', async () => {
    // greet requires `name`; called with {} the SDK answers isError "Input validation error".
    const { code, text } = await run({});
    expect(text).toContain('✓ greet: Hello, !');
    expect(text).toContain('Result: the flow completed (exit 0)');
    expect(code).toBe(EXIT_OK);
  });

  it('shows the server’s own text when the tool answers isError', async () => {
    const { code, text } = await run({ tool: 'greet', toolArgs: {} });
    expect(code).toBe(EXIT_FAILED);
    expect(text).toMatch(/✗ greet: tool error: MCP error -32602: Input validation error: .*expected string, received undefined at name/);
  });
});
