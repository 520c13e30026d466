import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../demo/test-support/free-port.ts';

export interface SdkExampleServer {
  /** http://localhost:<port>/mcp, the URL the example publishes as its resource. */
  mcpUrl: string;
  close(): Promise<void>;
}

/**
 * The official TypeScript SDK's own OAuth example, unchanged: `simpleStreamableHttp --oauth`, a
 * 2025-era server with sessions, and its in-memory authorization server, which approves at once.
 * Its first tool, `greet`, requires a `name`.
 */
export async function startSdkExampleServer(): Promise<SdkExampleServer> {
  // The package's exports map the require condition to dist/cjs; the example runs as ESM, as shipped.
  const script = fileURLToPath(new URL('../../../node_modules/@modelcontextprotocol/sdk/dist/esm/examples/server/simpleStreamableHttp.js', import.meta.url));
  const [mcpPort, authPort] = [await freePort(), await freePort()];
  const child = spawn(process.execPath, [script, '--oauth'], {
    env: { ...process.env, MCP_PORT: String(mcpPort), MCP_AUTH_PORT: String(authPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await listening(child, ['OAuth Authorization Server listening', 'MCP Streamable HTTP Server listening']);
  return {
    mcpUrl: `http://localhost:${mcpPort}/mcp`,
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

/** Resolves once the child has printed every line in `banners`; rejects if it exits first. */
function listening(child: ChildProcess, banners: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    let started = false;
    const timer = setTimeout(() => fail(new Error(`The SDK example did not start within 15 s:\n${output}`)), 15_000);
    const fail = (error: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    // Read on after the start, so a full pipe never blocks the example's logging; keep nothing.
    const read = (chunk: Buffer) => {
      if (started) return;
      output += chunk.toString();
      if (banners.every((banner) => output.includes(banner))) {
        started = true;
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      if (!started) fail(new Error(`The SDK example exited with ${code}:\n${output}`));
    });
  });
}
