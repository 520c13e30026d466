import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { logInAtDemo } from '../src/cli/test-support/demo-person.ts';
import { median } from './stats.ts';

/**
 * Our CLI against the official SDK's client (bench/sdk-client.mjs), each a fresh Node process,
 * on the same demo flow: discovery, dynamic registration, login and consent, tokens, tools/list
 * and one tools/call. Runs alternate (ours first, then the SDK first) so a slow moment of the
 * machine hits both. The same scripted person logs in for both, at the URL each prints.
 */
export const CLI_RATIO_TARGET = 1.1;

const ROOT = resolve(import.meta.dirname, '..');

export interface CliComparison {
  /** How our CLI was started: the compiled one when `npm run build` has made it. */
  ours: string;
  oursMs: number[];
  sdkMs: number[];
  /** `--help` of our CLI: Node's start-up plus loading the CLI. */
  startupMs: number[];
}

export async function compareWithSdk(mcpUrl: string, runs: number): Promise<CliComparison> {
  const ours = ourCommand();
  const sdk = [resolve(ROOT, 'bench/sdk-client.mjs')];
  // Warm-up, not counted: the OS file cache, the demo's key caches.
  await timeRun([...ours.args, mcpUrl, '--json']);
  await timeRun([...sdk, mcpUrl]);
  const oursMs: number[] = [];
  const sdkMs: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    if (run % 2 === 0) {
      oursMs.push(await timeRun([...ours.args, mcpUrl, '--json']));
      sdkMs.push(await timeRun([...sdk, mcpUrl]));
    } else {
      sdkMs.push(await timeRun([...sdk, mcpUrl]));
      oursMs.push(await timeRun([...ours.args, mcpUrl, '--json']));
    }
  }
  const startupMs: number[] = [];
  for (let run = 0; run < runs; run += 1) startupMs.push(await timeRun([...ours.args, '--help']));
  return { ours: ours.label, oursMs, sdkMs, startupMs };
}

export function comparisonReport({ ours, oursMs, sdkMs, startupMs }: CliComparison): string {
  const ratio = median(oursMs) / median(sdkMs);
  const startup = median(startupMs);
  return `Our CLI against the official SDK client, same demo flow (median of ${oursMs.length}, alternating)
  ours: ${ours}
  mcp-auth-flow check --json          ${median(oursMs)} ms   (min ${Math.min(...oursMs)}, max ${Math.max(...oursMs)})
  SDK client (bench/sdk-client.mjs)   ${median(sdkMs)} ms   (min ${Math.min(...sdkMs)}, max ${Math.max(...sdkMs)})
  ratio ours / SDK                    ${ratio.toFixed(2)}×   target ${CLI_RATIO_TARGET}× or better: ${ratio <= CLI_RATIO_TARGET ? 'within target' : 'OVER TARGET'}
  start-up (mcp-auth-flow --help)     ${startup} ms   budget 500 ms: ${startup < 500 ? 'within budget' : 'OVER BUDGET'}`;
}

/**
 * BENCH_CLI when set (a JS file and its leading arguments, e.g. "dist/node/cli.js check"); else the
 * compiled CLI when package.json's bin points into dist/node and it is built; otherwise the
 * TypeScript sources through tsx, which is what the compiled CLI is meant to save.
 */
function ourCommand(): { args: string[]; label: string } {
  const chosen = process.env.BENCH_CLI?.trim();
  if (chosen) {
    const [file, ...rest] = chosen.split(/\s+/);
    return { args: [resolve(ROOT, file!), ...rest], label: `node ${chosen} (BENCH_CLI)` };
  }
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : pkg.bin?.['mcp-auth-flow'];
  const path = bin ? resolve(ROOT, bin) : '';
  if (bin && /^(\.\/)?dist\/node\/.+\.m?js$/.test(bin) && existsSync(path)) return { args: [path, 'check'], label: `node ${bin} check` };
  return {
    args: ['--import', 'tsx', resolve(ROOT, 'src/cli/main.ts')],
    label: 'node --import tsx src/cli/main.ts (no compiled CLI in dist/node yet: npm run build makes it)',
  };
}

/** Wall time of one process from spawn to exit; the person logs in when it prints an authorization URL. */
function timeRun(args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, DISPLAY: '', WAYLAND_DISPLAY: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let person: Promise<void> | undefined;
    child.stdout.resume();
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const url = /^ {2}(https?:\/\/\S*redirect_uri=\S+)$/m.exec(stderr)?.[1];
      if (url && !person) person = logInAtDemo(url).catch(fail);
    });
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = Math.round(performance.now() - started);
      if (code === 0) done(ms);
      else fail(new Error(`${args.join(' ')} exited ${code}:\n${stderr}`));
    });
  });
}
