import type { RelayFailure } from '../engine/model/relayed-outcome.ts';

/** A failed upstream request in plain words, keeping the system's code for searching. */
export function networkFailure(error: unknown, url: URL): RelayFailure {
  const { code, message } = error as { code?: unknown; message?: unknown };
  const detail = typeof code === 'string' ? code : typeof message === 'string' ? message : String(error);
  return { kind: 'network', error: sentenceFor(detail, url) };
}

function sentenceFor(detail: string, url: URL): string {
  if (detail === 'ECONNREFUSED') return `Could not connect: ${detail}.`;
  if (detail === 'ENOTFOUND' || detail === 'EAI_AGAIN') return `Could not find the host ${url.hostname}: ${detail}.`;
  if (detail === 'ECONNRESET' || detail === 'EPIPE') return `The connection was closed before the whole answer arrived: ${detail}.`;
  if (detail.startsWith('HPE_')) return `The answer is not valid HTTP: ${detail}.`;
  if (/CERT|TLS|SSL/.test(detail)) return `The TLS connection failed: ${detail}.`;
  return `The request failed: ${detail}.`;
}
