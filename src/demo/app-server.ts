import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer, preview } from 'vite';
import { demoConfigPlugin, type DemoConfig } from './demo-config-plugin.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningAppServer {
  close(): Promise<void>;
}

/**
 * The browser app through Vite with the repo's vite.config.ts: the dev server, or `preview`
 * of an existing production build (`npm run build` first), which is what the benchmark serves.
 */
export async function startAppServer({ port, mode, demoConfig }: { port: number; mode: 'dev' | 'preview'; demoConfig: DemoConfig }): Promise<RunningAppServer> {
  const shared = {
    root: REPO_ROOT,
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    clearScreen: false,
    plugins: [demoConfigPlugin(demoConfig)],
  };
  const listen = { port, strictPort: true, host: 'localhost' };

  if (mode === 'preview') {
    const server = await preview({ ...shared, preview: listen });
    const { root, build } = server.config;
    if (!existsSync(resolve(root, build.outDir, 'index.html'))) {
      await server.close();
      throw new Error(`There is no production build in ${build.outDir}/ to preview: run \`npm run build\` first.`);
    }
    return { close: () => server.close() };
  }
  const server = await createServer({ ...shared, server: listen });
  try {
    await server.listen();
  } catch (error) {
    await server.close();
    throw error;
  }
  return { close: () => server.close() };
}
