import { describe, expect, it } from 'vitest';
import { fakeCommandIo } from '../test-support/fake-command-io.ts';
import { askForGrant } from '../test-support/relay-grant.ts';
import { runRelay } from './relay-command.ts';

async function usageError(argv: string[]): Promise<string> {
  const io = fakeCommandIo();
  expect(await runRelay(argv, io)).toBe(2);
  return io.err.join('\n');
}

/** Starts the relay, reads the pairing link it prints, and returns it with the relay's address and secret. */
async function startAndPair(argv: string[]) {
  const io = fakeCommandIo();
  const running = runRelay(argv, io);
  const [link] = await io.printed(/https?:\/\/\S+#relay=\S+/);
  const url = new URL(link);
  const fragment = new URLSearchParams(url.hash.slice(1));
  return { io, running, url, relay: { url: fragment.get('relay')!, secret: fragment.get('secret')! } };
}

describe('mcp-auth-flow relay', () => {
  it('refuses bad usage with exit code 2 and says what is wrong', async () => {
    expect(await usageError([])).toBe(
      'mcp-auth-flow relay: Give the origin of the hosted app: mcp-auth-flow relay --allow-origin https://host.example. See --help.',
    );
    expect(await usageError(['--allow-origin', 'https://host.example/mcp-auth-flow/'])).toBe(
      'mcp-auth-flow relay: --allow-origin takes an origin: scheme, host and port, with no path, such as https://host.example (got "https://host.example/mcp-auth-flow/").',
    );
    expect(await usageError(['--allow-origin', '*'])).toContain('--allow-origin takes an origin');
    // The URL parser takes `*` in a host name, but no browser sends such an Origin: it would match nothing.
    expect(await usageError(['--allow-origin', 'https://*.github.io'])).toBe(
      'mcp-auth-flow relay: --allow-origin takes one exact origin, not a wildcard: the relay answers only the page whose Origin is exactly it (got "https://*.github.io").',
    );
    expect(await usageError(['--allow-origin', 'https://host.example', '--app-url', 'https://other.example/'])).toBe(
      'mcp-auth-flow relay: --app-url must be an address on https://host.example, the origin the relay allows (got "https://other.example/").',
    );
    expect(await usageError(['--allow-origin', 'https://host.example', '--port', 'x'])).toContain('--port takes a port number');
    expect(await usageError(['--allow-origin', 'https://host.example', '--open'])).toBe('mcp-auth-flow relay: Unknown option --open. See --help.');
  });

  it('prints its usage for --help', async () => {
    const io = fakeCommandIo();
    expect(await runRelay(['--help'], io)).toBe(0);
    expect(io.out.join('')).toContain('Usage: mcp-auth-flow relay --allow-origin <origin> [options]');
  });

  it('prints a pairing link to the origin with the relay and its secret in the fragment; the relay serves that origin only', async () => {
    const { io, running, url, relay } = await startAndPair(['--allow-origin', 'https://host.example/']);
    expect(`${url.origin}${url.pathname}${url.search}`).toBe('https://host.example/');
    expect(relay.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(relay.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await askForGrant(relay.url, { origin: 'https://host.example', secret: relay.secret })).toBe(201);
    expect(await askForGrant(relay.url, { origin: 'https://attacker.example', secret: relay.secret })).toBe(403);
    expect(await askForGrant(relay.url, { origin: 'https://host.example', secret: 'x'.repeat(43) })).toBe(401);
    expect(io.opened).toEqual([]);
    io.stop();
    expect(await running).toBe(0);
    await expect(fetch(`${relay.url}/health`)).rejects.toThrow();
  });

  it('pairs the app at --app-url, under a sub-path', async () => {
    const { io, running, url } = await startAndPair(['--allow-origin', 'https://you.github.io', '--app-url', 'https://you.github.io/mcp-auth-flow/']);
    expect(url.href.split('#')[0]).toBe('https://you.github.io/mcp-auth-flow/');
    io.stop();
    await running;
  });
});
