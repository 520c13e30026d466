import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { logInAtDemo } from './demo-person.ts';

export interface CliProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const MAIN = resolve(import.meta.dirname, '..', 'main.ts');

/**
 * Runs `mcp-auth-flow check …` as its own process (src/cli/main.ts through tsx), as a CI job
 * would. When the CLI prints an authorization URL for a person to open, the demo's person logs in
 * there (demo-person.ts), as someone at the system browser would.
 */
export function runCliProcess(args: string[], { timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<CliProcessResult> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      // No DISPLAY: the CLI opens no system browser, it only prints the URL.
      env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const url = /^ {2}(https?:\/\/\S+)$/m.exec(chunk)?.[1];
      if (url && stderr.includes('wants a person to log in')) logInAtDemo(url).catch(fail);
    });
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}
