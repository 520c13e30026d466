/**
 * `npm run conformance`: the official MCP conformance suite against our CLI, one scenario at a
 * time, then one table.
 *
 * Which suite: @modelcontextprotocol/conformance 0.2.0-alpha.12, the newest published release
 * (pre-releases included). It is the first to test 2026-07-28 (RFC 9207 `iss`, authorization server
 * migration, the metadata issuer echo), and it runs a scenario at a named spec version
 * (`--spec-version`): its servers speak that version's wire and tell the client through
 * MCP_CONFORMANCE_PROTOCOL_VERSION. 0.1.16 (npm's `latest`) was run side by side and agrees on every
 * scenario both list, and each of its check ids is also in 0.2.0-alpha.12, so it is not run twice.
 *
 * Which scenarios: every client `auth/` scenario, at every spec version the suite lists it for
 * (2025-03-26 to 2026-07-28), must pass; each run decides the exit code. A scenario listed for
 * 2025-11-25 and 2026-07-28 runs twice. Extension scenarios are listed with the reason they are not
 * run (extensions.ts). A run passes when none of its checks is FAILURE or WARNING, the suite's rule.
 *
 * The client command: `--client-metadata-url` is the Client ID Metadata Document URL the suite
 * expects a client to use as its client_id (the engine uses it only where the authorization server
 * advertises support). The spec version comes from MCP_CONFORMANCE_PROTOCOL_VERSION, and
 * pre-registered credentials from MCP_CONFORMANCE_CONTEXT; the CLI reads both itself.
 *
 * CONFORMANCE_JOBS (default 2) scenarios run at once; each starts its own servers on free ports.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SPEC_VERSIONS } from '../../src/engine/spec/versions.ts';
import { extensionState, type ExtensionState } from './extensions.ts';
import { ensureSuite } from './suite-install.ts';

const SUITE_VERSION = '0.2.0-alpha.12';
const ROOT = resolve(import.meta.dirname, '../..');
const CLI = 'node --import tsx src/cli/main.ts --client-metadata-url https://conformance-test.local/client-metadata.json';
const JOBS = Math.max(1, Number(process.env.CONFORMANCE_JOBS ?? 2) || 2);
/** The suite cuts off a client that hangs after this long (its own default is 30 s, tight on a busy machine). */
const SCENARIO_TIMEOUT_MS = 60_000;

/** One scenario at one spec version. */
interface Run {
  scenario: string;
  specVersion: string;
}

interface Check {
  id: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'SKIPPED' | 'INFO';
}

interface Result extends Run {
  passed: boolean;
  failedChecks: string[];
}

const suite = ensureSuite(join(ROOT, '.cache/conformance'), SUITE_VERSION);
const resultsDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'mcp-auth-flow-conformance-'));
mkdirSync(resultsDir, { recursive: true });

const started = performance.now();
const listed = listAuthScenarios();
const runs = listed.scenarios.flatMap(({ name, versions }) =>
  versions.filter((version) => (SPEC_VERSIONS as readonly string[]).includes(version)).map((specVersion) => ({ scenario: name, specVersion })),
);
const results = await inParallel(runs, JOBS, runScenario);
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${report(results, listed.extensions.map(extensionState), seconds)}\nResults: ${resultsDir}\n`);
process.exitCode = results.length > 0 && results.every((result) => result.passed) ? 0 : 1;

/** The suite's own list, e.g. `  - auth/metadata-default [2025-11-25,2026-07-28]`; extensions are tagged `[extension]`. */
function listAuthScenarios(): { scenarios: { name: string; versions: string[] }[]; extensions: string[] } {
  const listing = execFileSync(suite.node, [suite.entry, 'list', '--client'], { encoding: 'utf8' });
  const all = [...listing.matchAll(/^\s+- (auth\/\S+) \[([^\]]+)\]/gm)].map(([, name, tags]) => ({
    name: name!,
    versions: tags!.split(',').map((tag) => tag.trim()),
  }));
  return {
    scenarios: all.filter((scenario) => !scenario.versions.includes('extension')),
    extensions: all.filter((scenario) => scenario.versions.includes('extension')).map((scenario) => scenario.name),
  };
}

async function runScenario(run: Run): Promise<Result> {
  const outputDir = join(resultsDir, `${run.scenario.replace('/', '_')}@${run.specVersion}`);
  const args = [suite.entry, 'client', '--command', CLI, '--scenario', run.scenario, '--spec-version', run.specVersion];
  args.push('--timeout', String(SCENARIO_TIMEOUT_MS), '-o', outputDir);
  const began = performance.now();
  // The suite exits non-zero when the scenario fails; checks.json says why.
  await new Promise<void>((done) => {
    const child = spawn(suite.node, args, { cwd: ROOT, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill(), SCENARIO_TIMEOUT_MS + 30_000);
    child.on('close', () => {
      clearTimeout(timer);
      done();
    });
  });
  process.stderr.write(`${run.scenario} @${run.specVersion}: ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
  const file = findFile(outputDir, 'checks.json');
  if (!file) return { ...run, passed: false, failedChecks: ['no checks.json: the suite did not finish'] };
  const checks = JSON.parse(readFileSync(file, 'utf8')) as Check[];
  const failed = checks.filter((check) => check.status === 'FAILURE' || check.status === 'WARNING');
  return { ...run, passed: failed.length === 0, failedChecks: failed.map((check) => `${check.id}${check.status === 'WARNING' ? ' (warning)' : ''}`) };
}

async function inParallel<T, R>(items: readonly T[], jobs: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const done: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      done[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, items.length) }, worker));
  return done;
}

function findFile(dir: string, name: string): string | undefined {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return undefined;
  }
  for (const entry of entries) {
    const path = join(dir, entry);
    const found = statSync(path).isDirectory() ? findFile(path, name) : entry === name ? path : undefined;
    if (found) return found;
  }
  return undefined;
}

/** One row per scenario, one column per spec version; — where the suite does not list the scenario for that version. */
function report(table: Result[], extensions: ExtensionState[], took: number): string {
  const scenarios = [...new Set(table.map((result) => result.scenario))];
  const cell = (scenario: string, version: string) => {
    const result = table.find((candidate) => candidate.scenario === scenario && candidate.specVersion === version);
    return result ? (result.passed ? 'pass' : 'FAIL') : '—';
  };
  const failures = table.filter((result) => !result.passed);
  const passed = table.length - failures.length;
  return [
    `Conformance suite @modelcontextprotocol/conformance ${SUITE_VERSION}, client auth scenarios at each spec version (— = not listed there)`,
    '',
    `| scenario | ${SPEC_VERSIONS.join(' | ')} |`,
    `|---|${SPEC_VERSIONS.map(() => '---|').join('')}`,
    ...scenarios.map((scenario) => `| ${scenario} | ${SPEC_VERSIONS.map((version) => cell(scenario, version)).join(' | ')} |`),
    '',
    ...(failures.length > 0
      ? ['Failed:', ...failures.map((result) => `- ${result.scenario} @${result.specVersion}: ${result.failedChecks.join('; ')}`), '']
      : []),
    'Extension scenarios, not run:',
    '',
    '| scenario | state | why |',
    '|---|---|---|',
    ...extensions.map((extension) => `| ${extension.name} | ${extension.state} | ${extension.reason} |`),
    '',
    `${table.length} runs in ${took.toFixed(0)} s (${JOBS} at a time): ${passed} passed, ${failures.length} failed`,
  ].join('\n');
}
