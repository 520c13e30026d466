import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { performance } from 'node:perf_hooks';
import { networkFailure } from './network-failure.ts';
import { readCappedBody } from './read-capped-body.ts';
import type { HeaderList } from '../engine/model/header-list.ts';
import type { RelayOutcome } from '../engine/relay/contract.ts';
import { relayedResponse } from './relayed-response.ts';

export interface UpstreamRequest {
  url: URL;
  method: string;
  /** Sent as listed, in order; Host and Content-Length are added here. */
  headers: HeaderList;
  body?: string;
}

export interface UpstreamLimits {
  timeoutMs: number;
  maxBodyBytes: number;
}

/**
 * One request to the target, never following a redirect (Node's client does not), on its own
 * connection, within `timeoutMs` from the first byte sent to the last byte read.
 */
export function sendUpstream(upstream: UpstreamRequest, limits: UpstreamLimits): Promise<RelayOutcome> {
  const started = performance.now();
  const body = upstream.body === undefined ? undefined : Buffer.from(upstream.body, 'utf8');
  const send = upstream.url.protocol === 'https:' ? httpsRequest : httpRequest;

  return new Promise((resolve) => {
    let answered = false;
    let settled = false;
    const settle = (outcome: RelayOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };

    const request = send(upstream.url, {
      method: upstream.method,
      headers: wireHeaders(upstream, body).flat(),
      agent: false,
    });
    const timer = setTimeout(() => {
      const what = answered ? 'The answer did not finish' : 'No answer';
      settle({ kind: 'timeout', error: `${what} within ${limits.timeoutMs} ms.` });
      request.destroy();
    }, limits.timeoutMs);

    request.on('error', (error) => settle(networkFailure(error, upstream.url)));
    request.on('response', (response) => {
      answered = true;
      readCappedBody(response, limits.maxBodyBytes).then(
        ({ body: read, truncated }) => settle(relayedResponse(response, read, truncated, elapsedSince(started))),
        (error: unknown) => settle(networkFailure(error, upstream.url)),
      );
    });
    request.end(body);
  });
}

/** With a header list Node adds no Host and would chunk the body, so both are set here. */
function wireHeaders({ url, method, headers }: UpstreamRequest, body: Buffer | undefined): HeaderList {
  const wire: HeaderList = [['Host', url.host], ...headers];
  // Like Chromium: a POST or PUT without a body still says Content-Length: 0.
  if (body !== undefined) wire.push(['Content-Length', String(body.length)]);
  else if (method === 'POST' || method === 'PUT') wire.push(['Content-Length', '0']);
  return wire;
}

function elapsedSince(started: number): number {
  return Math.round(performance.now() - started);
}
