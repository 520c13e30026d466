import { startRelay, type RunningRelay } from '../relay/start-relay.ts';

/**
 * The real relay of `npm start` on a free loopback port, answering one app origin. Lives here
 * because only src/integration may import both the engine and the demo.
 */
export function startTestRelay(appOrigin: string, timeoutMs = 5_000): Promise<RunningRelay> {
  return startRelay({ port: 0, allowedOrigins: [appOrigin], timeoutMs });
}
