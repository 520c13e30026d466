import { spawn, type ChildProcess } from 'node:child_process';

/** What the global setup hands the tests (through the environment: Playwright runs them in workers). */
export interface PackedPackage {
  /** An empty folder where only the tarball was installed. */
  installDir: string;
  tarball: string;
  /** From `npm pack --json`. */
  size: number;
  unpackedSize: number;
  files: string[];
  version: string;
}

const ENV_NAME = 'MCP_AUTH_FLOW_PACKED';

export function publishPacked(packed: PackedPackage): void {
  process.env[ENV_NAME] = JSON.stringify(packed);
}

export function packed(): PackedPackage {
  const value = process.env[ENV_NAME];
  if (!value) throw new Error('The package was not packed: run through playwright.package.config.ts (its global setup packs and installs).');
  return JSON.parse(value) as PackedPackage;
}

export interface Finished {
  code: number | null;
  /** npx itself dies of a Ctrl-C (SIGINT), as in a terminal; the command it started stops on its own. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** `npx mcp-auth-flow <args>` in the install folder, as a user types it, to its end. */
export function runInstalled(args: string[], { timeoutMs = 60_000 }: { timeoutMs?: number } = {}): Promise<Finished> {
  const command = startInstalled(args);
  return command.exited(timeoutMs);
}

export interface RunningCommand {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first match of `pattern` in stdout (or stderr), once printed. */
  printed(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(timeoutMs?: number): Promise<Finished>;
  /**
   * Ctrl-C as a terminal sends it: SIGINT to the whole process group (npx, and the command it started). Resolves
   * once every process of the group has exited; rejects if one is still there after 15 s.
   */
  interrupt(): Promise<Finished>;
}

/** `npx mcp-auth-flow <args>`, left running. */
export function startInstalled(args: string[]): RunningCommand {
  const child = spawn('npx', ['mcp-auth-flow', ...args], {
    cwd: packed().installDir,
    // No DISPLAY: the command prints the URLs and opens no browser; the test drives its own Chromium.
    env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<Finished>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })));

  const running: RunningCommand = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    printed: async (pattern, timeoutMs = 60_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const match = pattern.exec(stdout) ?? pattern.exec(stderr);
        if (match) return match;
        if (child.exitCode !== null) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`mcp-auth-flow ${args.join(' ')} printed nothing matching ${pattern} (exit ${child.exitCode}):\n${stdout}\n${stderr}`);
    },
    exited: async (timeoutMs = 60_000) => {
      const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), timeoutMs);
      try {
        return await exit;
      } finally {
        clearTimeout(timer);
      }
    },
    interrupt: async () => {
      signalGroup(child, 'SIGINT');
      const finished = await running.exited(20_000);
      for (let waited = 0; groupAlive(child); waited += 100) {
        if (waited > 15_000) {
          signalGroup(child, 'SIGKILL');
          throw new Error(`mcp-auth-flow ${args.join(' ')} was still running 15 s after Ctrl-C`);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return { ...finished, stdout, stderr };
    },
  };
  return running;
}

function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || !groupAlive(child)) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
