import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startOkta } from '../engine/providers/test-support/okta-server.ts';
import { freePort } from '../demo/free-port.ts';
import type { CliOptions } from './args.ts';
import { EXIT_USAGE } from './exit-code.ts';
import { runCli } from './run.ts';

/**
 * A provider that wants each redirect URI listed (Okta here: DCR refused without okta.clients.register, so the fix is a
 * pre-registered app with the redirect URI) cannot be given a CLI redirect URI whose port is new at every run.
 */
const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function checkOkta(extra: Partial<CliOptions>) {
  const okta = await startOkta({ server: 'default' });
  servers.push(okta);
  const options: CliOptions = { serverUrl: okta.mcpUrl, spec: 'auto', json: false, audit: false, timeoutMs: 5_000, notices: [], ...extra };
  const out: string[] = [];
  const said: string[] = [];
  const code = await runCli(options, { stdout: (text) => out.push(text), stderr: (line) => said.push(line), openBrowser: () => undefined });
  return { code, text: out.join(''), said: said.join('\n') };
}

describe('check --callback-port', () => {
  it('without it, a provider fix that names this run’s redirect URI comes with the flag that keeps the port', async () => {
    const { text } = await checkOkta({});
    expect(text).toMatch(/fix with Okta: .*http:\/\/127\.0\.0\.1:\d+\/callback as a sign-in redirect URI/);
    expect(text).toMatch(/has a port chosen for this run; to register one that stays, run again with --callback-port <port>/);
  });

  it('with it, the redirect URI has that port, in the fix too, and no hint is needed', async () => {
    const port = await freePort();
    const { text } = await checkOkta({ callbackPort: port });
    expect(text).toContain(`http://127.0.0.1:${port}/callback as a sign-in redirect URI`);
    expect(text).not.toContain('--callback-port');
  });

  it('a busy port names itself and the flag, and exits 2 before any request', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { code, said, text } = await checkOkta({ callbackPort: port });
      expect(code).toBe(EXIT_USAGE);
      expect(said).toContain(`port ${port} is already in use, so the callback listener cannot start`);
      expect(said).toContain('--callback-port <port>');
      expect(text).toBe('');
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
