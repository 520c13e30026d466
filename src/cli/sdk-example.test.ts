import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine, type CliOptions } from './args.ts';
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

  it('says the protocol version is the problem when the server refuses 2026-07-28’s server/discover, and names its version', async () => {
    const { code, text } = await run({ spec: '2026-07-28' });
    expect(code).toBe(EXIT_FAILED);
    expect(text).toContain('version.rejected: The server refused the protocol version, not the token.');
    expect(text).toContain('"Bad Request: No valid session ID provided"');
    expect(text).toContain('it seems to speak 2025-11-25 or earlier');
    expect(text).not.toContain('mcp.authenticated-request-failed');
  });

  it('reaches 2025-11-25 by default (auto) and passes', async () => {
    const parsed = parseCommandLine([server.mcpUrl]);
    if (parsed.kind !== 'run') throw new Error(`expected options, got ${parsed.kind}`);
    const { code, text } = await run(parsed.options);
    expect(text).toContain('spec 2025-11-25 (chosen automatically)');
    expect(code).toBe(EXIT_OK);
  });

  it('shows the server’s own text when the tool answers isError', async () => {
    const { code, text } = await run({ tool: 'greet', toolArgs: {} });
    expect(code).toBe(EXIT_FAILED);
    expect(text).toMatch(/✗ greet: tool error: MCP error -32602: Input validation error: .*expected string, received undefined at name/);
  });
});
