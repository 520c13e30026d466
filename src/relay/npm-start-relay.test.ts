import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { freePort } from '../demo/test-support/free-port.ts';

const START_SCRIPT = fileURLToPath(new URL('../demo/start.ts', import.meta.url));

it('`npm start` runs the relay on RELAY_PORT, prints its URL but not its secret, and hands the secret to the app', async () => {
  const [app, auth, mcp, relay] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const child = spawn(process.execPath, ['--import', 'tsx', START_SCRIPT], {
    env: { ...process.env, APP_PORT: String(app), AUTH_PORT: String(auth), MCP_PORT: String(mcp), RELAY_PORT: String(relay) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  try {
    const output = await new Promise<string>((resolve, reject) => {
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('Press Ctrl-C')) resolve(text);
      });
      child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.once('exit', () => reject(new Error(`npm start exited:\n${text}`)));
    });
    expect(output).toMatch(new RegExp(`CORS relay +http://127\\.0\\.0\\.1:${relay} `));

    const appOrigin = `http://localhost:${app}`;
    const config = (await (await fetch(`${appOrigin}/__demo/config.json`)).json()) as { relay: { url: string; secret: string } };
    expect(config.relay.url).toBe(`http://127.0.0.1:${relay}`);
    expect(output).not.toContain(config.relay.secret);

    const health = await fetch(`${config.relay.url}/health`, { headers: { origin: appOrigin } });
    expect(health.headers.get('access-control-allow-origin')).toBe(appOrigin);
    // 201, not 401: the published secret is the one the relay expects.
    const granted = await fetch(`${config.relay.url}/grants`, {
      method: 'POST',
      headers: { origin: appOrigin, 'x-relay-secret': config.relay.secret, 'content-type': 'application/json' },
      body: JSON.stringify({ serverUrl: `http://localhost:${app}/` }),
    });
    expect(granted.status).toBe(201);
    const { grant } = (await granted.json()) as { grant: string };
    const refused = await fetch(`${config.relay.url}/relay`, {
      method: 'POST',
      headers: { origin: appOrigin, 'x-relay-secret': config.relay.secret, 'x-relay-grant': grant, 'content-type': 'application/json' },
      body: JSON.stringify({ url: 'file:///etc/passwd', method: 'GET', headers: [], origin: appOrigin }),
    });
    expect(refused.status).toBe(400);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 60_000);
