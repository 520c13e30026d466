import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { completeLoginWhenAsked, expectFlowStatus } from '../support/flow-page.ts';
import { loginAndConsent } from '../support/login.ts';
import { packed, runInstalled, startInstalled, type RunningCommand } from './installed-package.ts';

/**
 * The tarball `npm pack` makes, installed into an empty folder, used as a workshop attendee and a CI job
 * would: `npx mcp-auth-flow demo`, `check` against it, `ui` driven in Chromium, the help, the version, a
 * busy port, and Ctrl-C. The global setup packs and installs.
 */
test.describe.configure({ mode: 'serial' });

let demo: RunningCommand;
let demoUrls: { app: string; mcp: string };

test.beforeAll(async () => {
  demo = startInstalled(['demo', '--no-open']);
  const [, app] = await demo.printed(/App\s+(http\S+)/);
  const [, mcp] = await demo.printed(/Demo MCP server\s+(http\S+)/);
  demoUrls = { app: app!, mcp: mcp! };
});

test.afterAll(async () => {
  await demo.interrupt();
});

test('the tarball holds the compiled command, the built app, README and LICENSE, no TypeScript and no test, under 3 MB', () => {
  const { files, size, unpackedSize, installDir } = packed();
  expect(size).toBeLessThan(3 * 1024 * 1024);
  expect(unpackedSize).toBeGreaterThan(size);
  expect(files).toEqual(
    expect.arrayContaining(['dist/node/mcp-auth-flow.js', 'dist/app/index.html', 'dist/app/callback.html', 'README.md', 'LICENSE', 'package.json']),
  );
  expect(files.filter((file) => /\.(m|c)?tsx?$/.test(file))).toEqual([]);
  expect(files.filter((file) => /(\.test\.|\.spec\.|test-support|e2e\/)/.test(file))).toEqual([]);
  expect(files.filter((file) => !/^(dist\/(app|node)\/|README\.md$|LICENSE$|package\.json$)/.test(file))).toEqual([]);
  // Only the Node side's libraries are installed with it: no tsx, no Vite, no React.
  for (const buildTool of ['tsx', 'vite', 'react', 'esbuild']) expect(existsSync(join(installDir, 'node_modules', buildTool)), buildTool).toBe(false);
});

test('--version for the command and each subcommand, --help, and exit code 2 for an unknown command', async () => {
  const { version } = packed();
  for (const args of [['--version'], ['check', '--version'], ['demo', '--version'], ['ui', '-V'], ['relay', '--version']]) {
    const finished = await runInstalled(args);
    expect(finished, args.join(' ')).toMatchObject({ code: 0, stdout: `${version}\n` });
  }
  const help = await runInstalled(['--help']);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('check <server-url>');
  const unknown = await runInstalled(['serve']);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain('Unknown command "serve"');
});

test('check against the installed demo logs in, calls a tool and exits 0', async ({ page }) => {
  const check = startInstalled(['check', demoUrls.mcp]);
  // The demo authorization server wants a person: the command prints the URL, and the person logs in.
  const [, authorizeUrl] = await check.printed(/Open this URL in a browser:\s+(http\S+)/);
  await page.goto(authorizeUrl!);
  await loginAndConsent(page);
  const finished = await check.exited(60_000);
  expect(finished.stdout).toContain('Result: the flow completed (exit 0)');
  expect(finished.stdout).toMatch(/✓ echo: /);
  expect(finished.code).toBe(0);
});

test('the short form `mcp-auth-flow <server-url>` is check', async () => {
  const finished = await runInstalled([`${demoUrls.mcp}-no-such-path`, '--timeout', '5000']);
  expect(finished.stdout).toContain('Result:');
  expect(finished.code).not.toBe(2);
});

test('ui serves the app with the server filled in, and a full flow in Chromium ends with a tool call', async ({ page }) => {
  test.setTimeout(180_000);
  const ui = startInstalled(['ui', demoUrls.mcp, '--no-open']);
  try {
    const [, link] = await ui.printed(/App\s+(http\S+)/);
    await page.goto(link!);
    await expect(page.getByLabel('MCP server URL')).toHaveValue(demoUrls.mcp);
    // The link's fragment paired the tab with the relay ui started.
    const relayUrl = new URLSearchParams(new URL(link!).hash.slice(1)).get('relay');
    await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${relayUrl}.`);
    await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
    await expectFlowStatus(page, 'done');
    const echo = page.locator('[data-tool="echo"]');
    await echo.getByLabel('Arguments for echo').fill('{"message": "from the installed package"}');
    await echo.getByRole('button', { name: 'Call echo' }).click();
    await expect(echo.getByTestId('tool-result')).toContainText('from the installed package');
    await expect(echo.getByTestId('tool-result')).toHaveAttribute('data-ok', 'true');
  } finally {
    const stopped = await ui.interrupt();
    expect(stopped.stderr).toContain('Stopping…');
  }
});

test('the printed demo address opens the app with the demo filled in, and the whole flow succeeds', async ({ page }) => {
  await page.goto(demoUrls.app);
  await expect(page.getByLabel('MCP server URL')).toHaveValue(demoUrls.mcp);
  await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
  await expectFlowStatus(page, 'done');
  await expect(page.getByTestId('tools-list')).toContainText('echo');
});

test('a busy port says which one and which flag to use', async () => {
  const appPort = new URL(demoUrls.app).port;
  const finished = await runInstalled(['ui', '--no-open', '--port', appPort]);
  expect(finished.code).toBe(1);
  expect(finished.stderr).toContain(
    `Port ${appPort} is already in use, so the app cannot start. Stop what is using it, or choose another port with --port <port>.`,
  );
});

test('Ctrl-C stops the demo and all its servers', async () => {
  // interrupt() resolves only once no process of the command is left.
  const finished = await demo.interrupt();
  expect(finished.stderr).toContain('Stopping…');
  expect(finished.stderr).not.toMatch(/Error|at .*\.js:\d+/);
  for (const url of [demoUrls.app, demoUrls.mcp]) await expect(fetch(url)).rejects.toThrow();
});
