import type { EngineRelay } from '../engine/relay/relay-explainer.ts';
import { startRelay } from '../relay/start-relay.ts';

export interface BrowserRelay {
  /** What the engine is given, as the app gives it the relay of `npm start`. */
  endpoint: EngineRelay;
  close(): Promise<void>;
}

/**
 * With --browser-origin, the CLI does what `npm start` does for the app: it starts the real CORS
 * relay (src/relay) on a free loopback port, answering only that origin, and hands it to the
 * engine. When the browser emulation blocks a request or hides a header, the engine asks the relay
 * why, and the relay's answer becomes the same cors.* findings the app shows.
 */
export async function startBrowserRelay(browserOrigin: string, timeoutMs: number): Promise<BrowserRelay> {
  const relay = await startRelay({ port: 0, allowedOrigins: [browserOrigin], timeoutMs });
  return { endpoint: { url: relay.url, secret: relay.secret, appOrigin: browserOrigin }, close: () => relay.close() };
}
