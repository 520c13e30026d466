import { startDemoServers } from '../src/demo/test-support/demo-servers.ts';
import { compareWithSdk, comparisonReport } from './cli-vs-sdk.ts';

/**
 * `npx tsx bench/cli.ts`: only the CLI comparison of `npm run bench` (bench/cli-vs-sdk.ts), against
 * the demo's servers on free loopback ports. BENCH_RUNS sets the runs of each client (default 10).
 */
const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 10));

const demo = await startDemoServers();
try {
  console.log(`Running our CLI and the SDK client ${RUNS} times each against ${demo.mcp.url}…`);
  console.log(`\n${comparisonReport(await compareWithSdk(demo.mcp.url, RUNS))}\n`);
} finally {
  await demo.close();
}
