import { build } from 'vite';
import { resolve } from 'node:path';
import { startAppServer } from '../src/demo/app-server.ts';
import { startDemo } from '../src/demo/start-demo.ts';
import { initialAssetSizes } from './bundle-size.ts';
import { compareWithSdk, comparisonReport, type CliComparison } from './cli-vs-sdk.ts';
import { measureScale, type ScaleSample } from './diagram-scale.ts';
import { launchChromium, timeOneRun, type FlowSample } from './flow-time.ts';
import { kb, median } from './stats.ts';
import { timeToolCalls, type ToolCallSample } from './tool-call-latency.ts';

/**
 * `npm run bench`: the size of what a visitor downloads before the first interaction, the time of
 * a complete Run all against the demo in headless Chromium, the diagram at scale (imported traces
 * of 200 and 1,000 exchanges) and the latency of a live tool call's arrow. Budgets are printed,
 * not asserted: a slow machine should make this report red, not make a test flaky.
 */
const JS_BUDGET_BYTES = 160 * 1024;
const BUDGET = { importToInteractiveMs: 1_000, domNodes: 3_000, panFrameP95Ms: 33, responseToArrowMs: 100 } as const;
const SCALES = [200, 1_000] as const;
const TOOL_CALLS = 5;
/** Runs of each client in the CLI comparison (bench/cli-vs-sdk.ts). */
const CLI_RUNS = 10;
const RUNS = Math.max(5, Number(process.env.BENCH_RUNS ?? 5));
const PORTS = { appPort: 7173, authPort: 7174, mcpPort: 7175 };

async function main(): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  console.log('Building the app…');
  await build({ root, logLevel: 'warn' });

  const assets = await initialAssetSizes(resolve(root, 'dist/app'));
  const js = assets.filter((asset) => asset.kind === 'js').reduce((sum, asset) => sum + asset.gzipBytes, 0);
  const css = assets.filter((asset) => asset.kind === 'css').reduce((sum, asset) => sum + asset.gzipBytes, 0);

  console.log(`\nStarting the demo and timing ${RUNS} complete runs in headless Chromium…`);
  const demo = await startDemo({ ...PORTS, startApp: (app) => startAppServer({ ...app, mode: 'preview' }) });
  const browser = await launchChromium();
  const samples: FlowSample[] = [];
  const scale: ScaleSample[] = [];
  let calls: ToolCallSample[];
  let cli: CliComparison;
  try {
    await timeOneRun(browser, demo.appUrl); // warm-up: JWKS fetch, JIT, key caches
    for (let run = 0; run < RUNS; run += 1) samples.push(await timeOneRun(browser, demo.appUrl));
    console.log('Importing traces and panning through them…');
    for (const exchanges of SCALES) {
      const runs = [];
      for (let run = 0; run < 3; run += 1) runs.push(await measureScale(browser, demo.appUrl, exchanges));
      scale.push(medianSample(runs));
    }
    console.log(`Calling the echo tool ${TOOL_CALLS} times…`);
    calls = await timeToolCalls(browser, demo.appUrl, TOOL_CALLS);
    console.log(`Running our CLI and the SDK client ${CLI_RUNS} times each…`);
    cli = await compareWithSdk(demo.mcpServerUrl, CLI_RUNS);
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

The diagram at scale (imported HAR, 1440×900, median of 3)
${scale.map(scaleReport).join('\n')}

A live tool call (Call echo, median of ${TOOL_CALLS})
  click to arrow                      ${median(calls.map((call) => call.clickToArrowMs))} ms
  response to arrow                   ${median(calls.map((call) => call.responseToArrowMs))} ms   budget ${BUDGET.responseToArrowMs} ms: ${verdict(median(calls.map((call) => call.responseToArrowMs)) <= BUDGET.responseToArrowMs)}

${comparisonReport(cli)}
`);
  if (js > JS_BUDGET_BYTES) process.exitCode = 1;
}

function scaleReport(sample: ScaleSample): string {
  return `  ${sample.exchanges.toLocaleString('en')} exchanges
    import to interactive             ${sample.importToInteractiveMs} ms   budget ${BUDGET.importToInteractiveMs} ms: ${verdict(sample.importToInteractiveMs <= BUDGET.importToInteractiveMs)}
    DOM nodes (page / diagram)        ${sample.domNodes} / ${sample.diagramDomNodes}   budget ${BUDGET.domNodes}: ${verdict(sample.domNodes < BUDGET.domNodes)}
    pan frame time p50 / p95          ${sample.panFrameP50Ms} / ${sample.panFrameP95Ms} ms over ${sample.panFrames} frames   budget p95 ${BUDGET.panFrameP95Ms} ms: ${verdict(sample.panFrameP95Ms <= BUDGET.panFrameP95Ms)}`;
}

/** Each number the median of the runs (the DOM count of the last run). */
function medianSample(runs: ScaleSample[]): ScaleSample {
  const pick = (key: 'importToInteractiveMs' | 'panFrameP50Ms' | 'panFrameP95Ms') => median(runs.map((run) => run[key]));
  return { ...runs.at(-1)!, importToInteractiveMs: pick('importToInteractiveMs'), panFrameP50Ms: pick('panFrameP50Ms'), panFrameP95Ms: pick('panFrameP95Ms') };
}

const verdict = (within: boolean) => (within ? 'within budget' : 'OVER BUDGET');

await main();
