import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemo } from '../../src/demo/start-demo.ts';
import { BASE_PATH, STATIC_APP_URL, STATIC_PORTS } from './static-host.ts';

const REPO_ROOT = join(import.meta.dirname, '..', '..');

/** Runs a command to its end; rejects with its output when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (${code}):\n${output}`))));
  });
}

/** Polls the static host until it serves the app's page. */
async function waitForPage(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`http-server exited with ${child.exitCode} before serving ${url}`);
    const ok = await fetch(url)
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 30 s`);
}

/**
 * Builds the app with a sub-path base into <tmp>/mcp-auth-flow/, serves <tmp> with http-server
 * (plain files: no SPA fallback, no server-side code), and starts the demo servers without the
 * app, with the static host's origin as the app origin they allow. Returns the teardown.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'mcp-auth-flow-static-'));
  const outDir = join(root, BASE_PATH.replaceAll('/', ''));
  // As a user deploys it: `BASE_PATH=/<repo>/ vite build`, here into a folder of its own.
  await run('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { BASE_PATH });

  const host = spawn('npx', ['http-server', root, '-p', String(STATIC_PORTS.host), '-a', '127.0.0.1', '-c-1', '--silent'], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
    detached: true,
  });
  const stopHost = () => {
    // npx starts http-server as a child: the whole process group goes.
    if (host.pid !== undefined && host.exitCode === null) process.kill(-host.pid, 'SIGTERM');
  };
  try {
    await waitForPage(STATIC_APP_URL, host);
  } catch (error) {
    stopHost();
    throw error;
  }

  const demo = await startDemo({ appPort: STATIC_PORTS.host, authPort: STATIC_PORTS.auth, mcpPort: STATIC_PORTS.mcp, startApp: false }).catch(
    (error: unknown) => {
      stopHost();
      throw error;
    },
  );

  return async () => {
    await demo.close();
    stopHost();
    await rm(root, { recursive: true, force: true });
  };
}
