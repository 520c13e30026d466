import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, preview } from 'vite';
import { demoConfigPlugin, type DemoConfig } from './demo-config-plugin.ts';
import { demoScenarios } from './scenarios/demo-scenarios.ts';
import { freePort } from './test-support/free-port.ts';

const config: DemoConfig = {
  mcpServerUrl: 'http://localhost:5175/mcp',
  authorizationServerUrl: 'http://localhost:5174',
  appUrl: 'http://localhost:5173/',
  scenarios: demoScenarios('http://localhost:5175'),
  relay: { url: 'http://127.0.0.1:5176', secret: 'relay-secret-made-at-this-start-0123456789ab' },
};

let root: string;

beforeAll(async () => {
  // A bare project: the plugin is tested on its own, not with the app's build.
  root = await mkdtemp(join(tmpdir(), 'demo-config-plugin-'));
  await writeFile(join(root, 'index.html'), '<!doctype html><title>app</title>');
  await mkdir(join(root, 'dist'));
  await writeFile(join(root, 'dist', 'index.html'), '<!doctype html><title>built app</title>');
});

afterAll(() => rm(root, { recursive: true, force: true }));

const viteOptions = () => ({ root, configFile: false as const, logLevel: 'silent' as const, plugins: [demoConfigPlugin(config)] });

describe('GET /__demo/config.json', () => {
  it('is served by the Vite dev server', async () => {
    const port = await freePort();
    const server = await createServer({ ...viteOptions(), server: { port, strictPort: true, host: 'localhost' } });
    await server.listen();
    try {
      const response = await fetch(`http://localhost:${port}/__demo/config.json`);
      expect(response.headers.get('content-type')).toBe('application/json');
      const served = (await response.json()) as DemoConfig;
      expect(served).toEqual(config);
      expect(served.scenarios).toContainEqual(
        expect.objectContaining({ id: 'no-cors', title: 'No CORS at all', mcpUrl: 'http://localhost:5175/s/no-cors/mcp' }),
      );
      expect(served.relay).toEqual(config.relay);
    } finally {
      await server.close();
    }
  });

  it('keeps the relay secret from pages of other origins, which Vite would otherwise let read it', async () => {
    const port = await freePort();
    const server = await createServer({ ...viteOptions(), server: { port, strictPort: true, host: 'localhost' } });
    await server.listen();
    try {
      const url = `http://localhost:${port}/__demo/config.json`;
      const fromOtherPage = await fetch(url, { headers: { origin: 'http://localhost:3000' } });
      expect(fromOtherPage.status).toBe(403);
      expect(fromOtherPage.headers.get('access-control-allow-origin')).toBeNull();
      expect(await fromOtherPage.text()).not.toContain(config.relay.secret);

      const fromApp = await fetch(url, { headers: { origin: 'http://localhost:5173' } });
      expect(((await fromApp.json()) as DemoConfig).relay.secret).toBe(config.relay.secret);
    } finally {
      await server.close();
    }
  });

  it('is served by vite preview of a production build', async () => {
    const port = await freePort();
    const server = await preview({ ...viteOptions(), preview: { port, strictPort: true, host: 'localhost' } });
    try {
      expect(await (await fetch(`http://localhost:${port}/__demo/config.json`)).json()).toEqual(config);
      expect(await (await fetch(`http://localhost:${port}/`)).text()).toContain('built app');
    } finally {
      await server.close();
    }
  });
});
