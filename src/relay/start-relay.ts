import { listenOnPort } from './http-server.ts';
import { httpUrlFor, isLoopbackHost } from './loopback-host.ts';
import { createGrantStore } from './flow-grants.ts';
import { createRelayAdmission } from './relay-admission.ts';
import { MAX_BYTES_PER_REQUEST } from './relay-endpoint.ts';
import { createRelayHandler } from './relay-handler.ts';
import { createRelaySecret, MIN_SECRET_LENGTH } from './relay-secret.ts';
import { isHttpOrigin } from './target-url.ts';

export const DEFAULT_RELAY_TIMEOUT_MS = 15_000;
/** 40 MiB of buffered bodies: eight requests at 5 MiB each run at once. */
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * MAX_BYTES_PER_REQUEST;
export const DEFAULT_MAX_QUEUED = 32;

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
  /** The ceiling on bodies held at once (relay-admission.ts); it sets how many requests run together. */
  maxBufferedBytes?: number;
  /** Requests that wait for room before the relay answers 429. */
  maxQueued?: number;
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
  maxBufferedBytes = DEFAULT_MAX_BUFFERED_BYTES,
  maxQueued = DEFAULT_MAX_QUEUED,
}: RelayOptions): Promise<RunningRelay> {
  if (!isLoopbackHost(host)) throw new Error(`The relay listens on loopback only, not on ${host}.`);
  if (allowedOrigins.length === 0 || !allowedOrigins.every(isHttpOrigin)) {
    throw new Error('The relay needs the app origin(s) it answers, such as http://localhost:5173.');
  }
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`The relay secret must be at least ${MIN_SECRET_LENGTH} characters.`);
  if (!(timeoutMs > 0)) throw new Error('The relay timeout must be a positive number of milliseconds.');

  const admission = createRelayAdmission({ maxBufferedBytes, bytesPerRequest: MAX_BYTES_PER_REQUEST, maxQueued });

  const listening = await listenOnPort(port, host);
  listening.server.on('request', createRelayHandler({ allowedOrigins, secret, timeoutMs, admission, grants: createGrantStore() }));
  return { url: httpUrlFor(host, listening.port), secret, close: listening.close };
}
