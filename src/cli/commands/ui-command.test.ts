import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtAppFixture } from '../test-support/built-app-fixture.ts';
import { fakeCommandIo } from '../test-support/fake-command-io.ts';
import { askForGrant } from '../test-support/relay-grant.ts';
import { runUi } from './ui-command.ts';

let app: Awaited<ReturnType<typeof builtAppFixture>>;
beforeAll(async () => (app = await builtAppFixture()));
afterAll(() => app.remove());

async function usageError(argv: string[]): Promise<string> {
  const io = fakeCommandIo(app.dir);
  expect(await runUi(argv, io)).toBe(2);
  expect(io.out).toEqual([]);
  return io.err.join('\n');
}

describe('mcp-auth-flow ui', () => {
  it('refuses bad usage with exit code 2 and says what is wrong', async () => {
    expect(await usageError(['--bogus'])).toBe('mcp-auth-flow ui: Unknown option --bogus. See --help.');
    expect(await usageError(['--port', 'eighty'])).toBe('mcp-auth-flow ui: --port takes a port number from 1 to 65535 (got "eighty").');
    expect(await usageError(['--port', '70000'])).toContain('--port takes a port number from 1 to 65535');
    expect(await usageError(['--port'])).toBe('mcp-auth-flow ui: --port needs a value.');
    expect(await usageError(['file:///etc/passwd'])).toContain('The server URL must be an absolute http(s) URL');
    expect(await usageError(['https://a.example/mcp', 'https://b.example/mcp'])).toBe(
      'mcp-auth-flow ui: Unexpected argument "https://b.example/mcp". See mcp-auth-flow ui --help.',
    );
  });

  it('prints its usage for --help', async () => {
    const io = fakeCommandIo(app.dir);
    expect(await runUi(['--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('Usage: mcp-auth-flow [ui] [server-url] [options]');
  });

  it('serves the app and a relay paired with it through the printed link, with the server filled in, until stopped', async () => {
    const io = fakeCommandIo(app.dir);
    const running = runUi(['https://mcp.example.com/mcp', '--no-open'], io);
    const [link] = await io.printed(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
    const page = new URL(link);
    expect(page.searchParams.get('server')).toBe('https://mcp.example.com/mcp');
    expect(await (await fetch(page)).text()).toContain('built app');
    expect(io.opened).toEqual([]);

    const fragment = new URLSearchParams(page.hash.slice(1));
    const relay = { url: fragment.get('relay')!, secret: fragment.get('secret')! };
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await askForGrant(relay.url, { origin: page.origin, secret: relay.secret })).toBe(201);
    expect(await askForGrant(relay.url, { origin: 'https://elsewhere.example', secret: relay.secret })).toBe(403);
    // The same app opened at localhost (the static server answers that Host too) may use its relay.
    expect(await askForGrant(relay.url, { origin: page.origin.replace('127.0.0.1', 'localhost'), secret: relay.secret })).toBe(201);

    io.stop();
    expect(await running).toBe(0);
    await expect(fetch(page)).rejects.toThrow();
    await expect(fetch(`${relay.url}/health`)).rejects.toThrow();
  });

  it('opens the browser at the printed link unless --no-open', async () => {
    const io = fakeCommandIo(app.dir);
    const running = runUi([], io);
    const [link] = await io.printed(/http:\/\/127\.0\.0\.1:\d+\/\S*/);
    expect(io.opened).toEqual([link]);
    expect(new URL(link).search).toBe('');
    io.stop();
    await running;
  });

  it('names the busy port and the flag to choose another', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(runUi(['--port', String(port), '--no-open'], fakeCommandIo(app.dir))).rejects.toThrow(
        `Port ${port} is already in use, so the app cannot start. Stop what is using it, or choose another port with --port <port>.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
