import { listenOnPort } from '../http-server.ts';
import { httpUrlFor, isLoopbackHost } from './loopback-host.ts';
import { createRelayHandler } from './relay-handler.ts';
import { createRelaySecret, MIN_SECRET_LENGTH } from './relay-secret.ts';
import { isHttpOrigin } from './target-url.ts';

export const DEFAULT_RELAY_TIMEOUT_MS = 15_000;

export interface RelayOptions {
  port: number;
  /** A loopback address only; anything else is refused. */
  host?: string;
  /** The app's origin(s): the only pages that may call the relay. */
  allowedOrigins: readonly string[];
  /** Made fresh when omitted, which is what `npm start` does. */
  secret?: string;
  /** Per upstream request; past it the request becomes a timeout failure. */
  timeoutMs?: number;
}

export interface RunningRelay {
  /** http://127.0.0.1:<port>, without a trailing slash. */
  url: string;
  secret: string;
  close(): Promise<void>;
}

/**
 * The CORS relay: re-sends a request server-side, with the preflight a browser would send,
 * and returns both raw. A local tool, never an open proxy (see design.md, "The relay").
 */
export async function startRelay({
  port,
  host = '127.0.0.1',
  allowedOrigins,
  secret = createRelaySecret(),
  timeoutMs = DEFAULT_RELAY_TIMEOUT_MS,
}: RelayOptions): Promise<RunningRelay> {
  if (!isLoopbackHost(host)) throw new Error(`The relay listens on loopback only, not on ${host}.`);
  if (allowedOrigins.length === 0 || !allowedOrigins.every(isHttpOrigin)) {
    throw new Error('The relay needs the app origin(s) it answers, such as http://localhost:5173.');
  }
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`The relay secret must be at least ${MIN_SECRET_LENGTH} characters.`);
  if (!(timeoutMs > 0)) throw new Error('The relay timeout must be a positive number of milliseconds.');

  const listening = await listenOnPort(port, host);
  listening.server.on('request', createRelayHandler({ allowedOrigins, secret, timeoutMs }));
  return { url: httpUrlFor(host, listening.port), secret, close: listening.close };
}
