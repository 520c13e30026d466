import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PortInUseError } from './port-in-use.ts';
import { startDemo } from './start-demo.ts';
import { freePort } from './test-support/free-port.ts';

describe('startDemo', () => {
  it('starts both demo servers wired to each other', async () => {
    const [appPort, authPort, mcpPort] = [await freePort(), await freePort(), await freePort()];
    const demo = await startDemo({ appPort, authPort, mcpPort, startApp: false });
    try {
      expect(demo).toMatchObject({
        mcpServerUrl: `http://localhost:${mcpPort}/mcp`,
        authorizationServerUrl: `http://localhost:${authPort}`,
        appUrl: `http://localhost:${appPort}/`,
      });
      const metadata = await fetch(`http://localhost:${mcpPort}/.well-known/oauth-protected-resource/mcp`);
      expect(await metadata.json()).toMatchObject({ authorization_servers: [demo.authorizationServerUrl] });

      expect(demo.scenarios).toHaveLength(19);
      expect(demo.scenarios[0]).toMatchObject({ id: 'healthy', mcpUrl: demo.mcpServerUrl });
      const noChallenge = demo.scenarios.find((scenario) => scenario.id === 'no-challenge');
      expect(noChallenge?.mcpUrl).toBe(`http://localhost:${mcpPort}/s/no-challenge/mcp`);
      const response = await fetch(noChallenge?.mcpUrl ?? '', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(response.status).toBe(401);
    } finally {
      await demo.close();
    }
  });

  it('starts the CORS relay for the app, and publishes its URL and secret in the demo config', async () => {
    const [appPort, authPort, mcpPort, relayPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const demo = await startDemo({ appPort, authPort, mcpPort, relayPort, startApp: false });
    try {
      expect(demo.relay.url).toBe(`http://127.0.0.1:${relayPort}`);
      // As the app does at the start of a run: a grant for this MCP server, then the relayed request.
      const headers = { origin: `http://localhost:${appPort}`, 'x-relay-secret': demo.relay.secret, 'content-type': 'application/json' };
      const granted = await fetch(`${demo.relay.url}/grants`, { method: 'POST', headers, body: JSON.stringify({ serverUrl: demo.mcpServerUrl }) });
      const { grant } = (await granted.json()) as { grant: string };
      const relayed = await fetch(`${demo.relay.url}/relay`, {
        method: 'POST',
        headers: { ...headers, 'x-relay-grant': grant },
        body: JSON.stringify({ url: demo.mcpServerUrl, method: 'POST', headers: [], body: '{}', origin: `http://localhost:${appPort}` }),
      });
      expect(await relayed.json()).toMatchObject({ response: { status: 401 } });
    } finally {
      await demo.close();
    }
    await expect(fetch(`${demo.relay.url}/health`)).rejects.toThrow();
  });

  it('names RELAY_PORT when the relay port is taken', async () => {
    const [appPort, authPort, mcpPort, relayPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(relayPort, '127.0.0.1', resolve));
    try {
      await expect(startDemo({ appPort, authPort, mcpPort, relayPort, startApp: false })).rejects.toThrow(
        `Port ${relayPort} is already in use, so the CORS relay cannot start. Stop what is using it, or set RELAY_PORT to another port.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('names the busy port, the server and the variable to change, and leaves nothing running', async () => {
    const [appPort, authPort, mcpPort] = [await freePort(), await freePort(), await freePort()];
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(mcpPort, 'localhost', resolve));
    try {
      const starting = startDemo({ appPort, authPort, mcpPort, startApp: false });
      await expect(starting).rejects.toThrow(PortInUseError);
      await expect(starting).rejects.toThrow(
        `Port ${mcpPort} is already in use, so the demo MCP server cannot start. Stop what is using it, or set MCP_PORT to another port.`,
      );
      // The authorization server that did start was closed again.
      await expect(fetch(`http://localhost:${authPort}/.well-known/openid-configuration`)).rejects.toThrow();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('serves a built app without Vite on free ports, and publishes the demo config and a relay that answers that app', async () => {
    const appDir = await mkdtemp(join(tmpdir(), 'start-demo-static-'));
    await writeFile(join(appDir, 'index.html'), '<!doctype html><title>built app</title>');
    const demo = await startDemo({ appPort: 0, authPort: 0, mcpPort: 0, startApp: 'static', appDir, portSettings: 'flags' });
    try {
      expect(demo.appUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(await (await fetch(demo.appUrl)).text()).toContain('built app');
      const config = (await (await fetch(new URL('/__demo/config.json', demo.appUrl))).json()) as { mcpServerUrl: string; relay: { url: string } };
      expect(config).toMatchObject({ mcpServerUrl: demo.mcpServerUrl, relay: { url: demo.relay.url } });
      const appOrigin = new URL(demo.appUrl).origin;
      const granted = await fetch(`${demo.relay.url}/grants`, {
        method: 'POST',
        headers: { origin: appOrigin, 'x-relay-secret': demo.relay.secret, 'content-type': 'application/json' },
        body: JSON.stringify({ serverUrl: demo.mcpServerUrl }),
      });
      expect(granted.status).toBe(201);
    } finally {
      await demo.close();
      await rm(appDir, { recursive: true, force: true });
    }
  });

  it('names the flag to use when the packaged command meets a busy port', async () => {
    const authPort = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(authPort, 'localhost', resolve));
    try {
      await expect(startDemo({ appPort: 0, authPort, mcpPort: 0, startApp: false, portSettings: 'flags' })).rejects.toThrow(
        `Port ${authPort} is already in use, so the demo authorization server cannot start. Stop what is using it, or choose another port with --auth-port <port>.`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
