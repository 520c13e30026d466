import { createSession } from '../../flow/create-session.ts';
import { FlowEngine } from '../../flow/engine.ts';
import type { EngineRelay } from '../../relay/relay-explainer.ts';
import type { FlowSession, FlowSettings } from '../../model/session.ts';
import { LATEST_SPEC_VERSION, type SpecVersion } from '../../spec/versions.ts';
import { browserCorsFetch } from './browser-cors-fetch.ts';
import type { FakeServer } from './fake-mcp-auth-server.ts';
import { redirectFollowingUserAgent } from './redirect-following-user-agent.ts';

/** The origin the app would be served from in the browser model, and its callback page. */
export const APP_ORIGIN = 'http://localhost:5173';

export interface RunOptions {
  spec?: SpecVersion;
  settings?: Partial<FlowSettings>;
  /** Run as the browser app would: the browser's CORS filter applies. */
  browser?: boolean;
  /** What the user does after the flow: call a tool, refresh, audit. */
  then?: (engine: FlowEngine) => Promise<unknown>;
  /** A running CORS relay the engine may ask (and, with settings.viaRelay, send everything through). */
  relay?: { url: string; secret: string };
}

/** Runs the real engine against the fake server until the flow stops, then `then`, and returns the session. */
export async function runFlow(fake: Pick<FakeServer, 'mcpUrl'>, options: RunOptions = {}): Promise<FlowSession> {
  const session = createSession({
    serverUrl: fake.mcpUrl,
    specVersion: options.spec ?? LATEST_SPEC_VERSION,
    timeoutMs: 2_000,
    redirectUri: `${APP_ORIGIN}/callback`,
    clientName: 'rule trigger test',
    registration: { mode: 'auto' },
    ...options.settings,
  });
  const engine = new FlowEngine(session, {
    userAgent: redirectFollowingUserAgent,
    ...(options.browser ? { runtime: 'browser', fetchImpl: browserCorsFetch(APP_ORIGIN) } : { runtime: 'node' }),
    ...(options.relay ? { relay: relayFor(options.relay, options.browser) } : {}),
  });
  await engine.runAll();
  await options.then?.(engine);
  return engine.snapshot;
}

/** The app reaches the relay from the page too: through the browser model when it runs as the browser app. */
function relayFor(relay: { url: string; secret: string }, browser = false): EngineRelay {
  return { ...relay, appOrigin: APP_ORIGIN, ...(browser ? { fetchImpl: browserCorsFetch(APP_ORIGIN) } : {}) };
}
