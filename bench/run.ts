import { build } from 'vite';
import { resolve } from 'node:path';
import { startDemo } from '../src/demo/start-demo.ts';
import { initialAssetSizes } from './bundle-size.ts';
import { launchChromium, timeOneRun, type FlowSample } from './flow-time.ts';
import { kb, median } from './stats.ts';

/**
 * `npm run bench`: the size of what a visitor downloads before the first interaction, and the
 * time of a complete Run all against the demo in headless Chromium. Budgets are printed, not
 * asserted: a slow machine should make this report red, not make a test flaky.
 */
const JS_BUDGET_BYTES = 160 * 1024;
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const PORTS = { appPort: 7173, authPort: 7174, mcpPort: 7175 };

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  console.log('Building the app…');
  await build({ root, logLevel: 'warn' });

  const assets = await initialAssetSizes(resolve(root, 'dist'));
  const js = assets.filter((asset) => asset.kind === 'js').reduce((sum, asset) => sum + asset.gzipBytes, 0);
  const css = assets.filter((asset) => asset.kind === 'css').reduce((sum, asset) => sum + asset.gzipBytes, 0);

  console.log(`\nStarting the demo and timing ${RUNS} complete runs in headless Chromium…`);
  const demo = await startDemo({ ...PORTS, startApp: 'preview' });
  const browser = await launchChromium();
  const samples: FlowSample[] = [];
  try {
    await timeOneRun(browser, demo.appUrl); // warm-up: JWKS fetch, JIT, key caches
    for (let run = 0; run < RUNS; run += 1) samples.push(await timeOneRun(browser, demo.appUrl));
  } finally {
    await browser.close();
    await demo.close();
  }

  const pick = (key: keyof FlowSample) => median(samples.map((sample) => sample[key]));
  const jsVerdict = js <= JS_BUDGET_BYTES ? 'within budget' : 'OVER BUDGET';
  console.log(`
Bundle (gzip, loaded before the first interaction)
  JavaScript   ${kb(js).padStart(9)}   budget ${kb(JS_BUDGET_BYTES)}: ${jsVerdict}
  CSS          ${kb(css).padStart(9)}
${assets.map((asset) => `    ${asset.file}  ${kb(asset.gzipBytes)}`).join('\n')}

Complete Run all against the demo (median of ${RUNS}, login automated)
  flow, first request to tools list   ${pick('totalMs')} ms
    waiting on the servers            ${pick('serverMs')} ms
    in the login window (scripted)    ${pick('userMs')} ms
    the app's own time                ${pick('appMs')} ms
  wall time, click to "Flow complete" ${pick('wallMs')} ms
`);
  if (js > JS_BUDGET_BYTES) process.exitCode = 1;
}

await main();
