import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../src/demo/test-support/free-port.ts';
import type { RunningServer } from './running-server.ts';

const require = createRequire(import.meta.url);
const SDK_SERVER_EXAMPLES = join(dirname(require.resolve('@modelcontextprotocol/sdk/server/mcp.js')), '..', 'examples', 'server');
const EXAMPLE = join(SDK_SERVER_EXAMPLES, 'simpleStreamableHttp.js');
const CORS_PRELOAD = join(dirname(fileURLToPath(import.meta.url)), 'mcp-endpoint-cors.mjs');

/**
 * The official TypeScript SDK's `simpleStreamableHttp` example with `--oauth`, run as shipped in a
 * child process: its MCP server and its demo in-memory authorization server (which approves every
 * authorize request at once) on two free loopback ports. With `cors`, mcp-endpoint-cors.mjs adds
 * CORS to the MCP endpoint, the one route the example leaves without.
 */
export async function startSdkOauthExample({ cors }: { cors: boolean }): Promise<RunningServer> {
  const [mcpPort, authPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [...(cors ? ['--import', CORS_PRELOAD] : []), EXAMPLE, '--oauth'], {
    env: { ...process.env, MCP_PORT: String(mcpPort), MCP_AUTH_PORT: String(authPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const listening = () => output.includes(`listening on port ${mcpPort}`) && output.includes(`listening on port ${authPort}`);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (listening()) resolve();
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`The SDK example exited (${code}) before listening:\n${output}`)));
  });
  // The example logs every request body; keep reading so its pipe never fills.
  child.stdout.resume();
  return {
    url: `http://localhost:${mcpPort}/mcp`,
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
