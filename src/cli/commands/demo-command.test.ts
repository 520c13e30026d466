import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../demo/test-support/free-port.ts';
import { builtAppFixture } from '../test-support/built-app-fixture.ts';
import { fakeCommandIo } from '../test-support/fake-command-io.ts';
import { runDemo } from './demo-command.ts';

let app: Awaited<ReturnType<typeof builtAppFixture>>;
beforeAll(async () => (app = await builtAppFixture()));
afterAll(() => app.remove());

async function usageError(argv: string[]): Promise<string> {
  const io = fakeCommandIo(app.dir);
  expect(await runDemo(argv, io)).toBe(2);
  return io.err.join('\n');
}

describe('mcp-auth-flow demo', () => {
  it('refuses bad usage with exit code 2 and says what is wrong', async () => {
    expect(await usageError(['--verbose'])).toBe('mcp-auth-flow demo: Unknown option --verbose. See --help.');
    expect(await usageError(['--mcp-port', '-1'])).toContain('--mcp-port');
    expect(await usageError(['--auth-port', '1.5'])).toBe('mcp-auth-flow demo: --auth-port takes a port number from 1 to 65535 (got "1.5").');
    expect(await usageError(['https://mcp.example.com/mcp'])).toBe(
      'mcp-auth-flow demo: Unexpected argument "https://mcp.example.com/mcp". See mcp-auth-flow demo --help.',
    );
  });

  it('prints its usage for --help', async () => {
    const io = fakeCommandIo(app.dir);
    expect(await runDemo(['-h'], io)).toBe(0);
    expect(io.out.join('')).toContain('--relay-port <port>');
  });

  it('starts the app, both demo servers and the relay, prints where, opens the app, and stops on Ctrl-C', async () => {
    const io = fakeCommandIo(app.dir);
    const running = runDemo([], io);
    const [, appUrl] = await io.printed(/App\s+(\S+)/);
    const [, mcpUrl] = await io.printed(/Demo MCP server\s+(\S+)/);
    expect(io.opened).toEqual([appUrl]);
    const config = (await (await fetch(new URL('/__demo/config.json', appUrl))).json()) as { mcpServerUrl: string; appUrl: string };
    expect(config).toMatchObject({ mcpServerUrl: mcpUrl, appUrl });
    // The MCP server asks for a token, naming its resource metadata: the demo is wired up.
    const unauthenticated = await fetch(mcpUrl!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(unauthenticated.status).toBe(401);

    io.stop();
    expect(await running).toBe(0);
    await expect(fetch(appUrl!)).rejects.toThrow();
    await expect(fetch(mcpUrl!)).rejects.toThrow();
  });

  it('names the busy port and the flag to choose another', async () => {
    const mcpPort = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(mcpPort, 'localhost', resolve));
    try {
      await expect(runDemo(['--mcp-port', String(mcpPort), '--no-open'], fakeCommandIo(app.dir))).rejects.toThrow(
        `Port ${mcpPort} is already in use, so the demo MCP server cannot start. Stop what is using it, or choose another port with --mcp-port <port>.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
