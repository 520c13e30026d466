/**
 * `npm run conformance`: the official MCP conformance suite against our CLI, one scenario at a
 * time, then one table.
 *
 * Which scenarios: every client `auth/` scenario the suite lists for 2025-03-26, 2025-06-18 or
 * 2025-11-25 must pass (they decide the exit code). Draft-spec scenarios run too and are shown,
 * but do not fail the run; extensions (client credentials, cross-app access) are not run.
 * A scenario passes when none of its checks is FAILURE or WARNING, the suite's own rule.
 *
 * The client command:
 * - `--spec auto`: the suite's servers span 2025-03-26 to 2025-11-25, so the CLI picks the version
 *   each server speaks (MCP_CONFORMANCE_PROTOCOL_VERSION, when the suite sets it, wins).
 * - `--client-metadata-url`: the Client ID Metadata Document URL the suite expects a client to use
 *   as its client_id; the engine uses it only where the authorization server advertises support.
 * Pre-registered credentials come from MCP_CONFORMANCE_CONTEXT, which the CLI reads itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureSuite, SUITE_VERSION } from './suite-install.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = 'node --import tsx src/cli/main.ts --spec auto --client-metadata-url https://conformance-test.local/client-metadata.json';
const REQUIRED_VERSIONS = ['2025-03-26', '2025-06-18', '2025-11-25'];

interface Scenario {
  name: string;
  versions: string[];
  required: boolean;
}

interface Check {
  name: string;
  status: 'SUCCESS' | 'FAILURE' | 'WARNING' | 'SKIPPED' | 'INFO';
}

interface Row extends Scenario {
  passed: boolean;
  failedChecks: string[];
}

const suite = ensureSuite(join(ROOT, '.cache/conformance'));
const resultsDir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'mcp-auth-flow-conformance-'));
mkdirSync(resultsDir, { recursive: true });

const rows = listAuthScenarios().map((scenario) => runScenario(scenario));
printTable(rows);
process.stdout.write(`\nResults: ${resultsDir}\n`);
const required = rows.filter((row) => row.required);
process.exitCode = required.length > 0 && required.every((row) => row.passed) ? 0 : 1;

/** The suite's own list, e.g. `  - auth/metadata-default [2025-11-25]`. */
function listAuthScenarios(): Scenario[] {
  const listing = execFileSync(suite.node, [suite.entry, 'list'], { encoding: 'utf8' });
  const clientPart = listing.slice(listing.indexOf('Client scenarios'));
  return [...clientPart.matchAll(/^\s+- (auth\/\S+) \[([^\]]+)\]/gm)]
    .map(([, name, tags]) => ({ name: name!, versions: tags!.split(',').map((tag) => tag.trim()) }))
    .filter((scenario) => !scenario.versions.includes('extension'))
    .map((scenario) => ({ ...scenario, required: scenario.versions.some((version) => REQUIRED_VERSIONS.includes(version)) }));
}

function runScenario(scenario: Scenario): Row {
  const outputDir = join(resultsDir, scenario.name.replace('/', '_'));
  process.stderr.write(`${scenario.name}…\n`);
  // The suite exits non-zero when the scenario fails; checks.json says why.
  spawnSync(suite.node, [suite.entry, 'client', '--command', CLI, '--scenario', scenario.name, '-o', outputDir], {
    cwd: ROOT,
    stdio: 'ignore',
    timeout: 120_000,
  });
  const file = findFile(outputDir, 'checks.json');
  if (!file) return { ...scenario, passed: false, failedChecks: ['no checks.json: the suite did not finish'] };
  const checks = JSON.parse(readFileSync(file, 'utf8')) as Check[];
  const failed = checks.filter((check) => check.status === 'FAILURE' || check.status === 'WARNING');
  return { ...scenario, passed: failed.length === 0, failedChecks: failed.map((check) => `${check.name}${check.status === 'WARNING' ? ' (warning)' : ''}`) };
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

function printTable(table: Row[]): void {
  const lines = [
    `Conformance suite @modelcontextprotocol/conformance ${SUITE_VERSION}, client auth scenarios`,
    '',
    '| scenario | spec | required | result | failed checks |',
    '|---|---|---|---|---|',
    ...table.map(
      (row) =>
        `| ${row.name} | ${row.versions.join(', ')} | ${row.required ? 'yes' : 'no (draft)'} | ${row.passed ? 'pass' : 'FAIL'} | ${row.failedChecks.join('; ')} |`,
    ),
  ];
  const required = table.filter((row) => row.required);
  const passed = required.filter((row) => row.passed).length;
  process.stdout.write(`${lines.join('\n')}\n\n${passed} passed, ${required.length - passed} failed\n`);
}
