import type { RecordedRequest } from '../model/exchange.ts';

/** A short arrow label: method, path, and the JSON-RPC method when the body is one. */
export function describeRequest(request: Pick<RecordedRequest, 'method' | 'url' | 'body'>): string {
  let path = request.url;
  try {
    path = new URL(request.url).pathname;
  } catch {
    // Not a URL: show it as given; the recorder flags it.
  }
  const rpc = jsonRpcMethod(request.body);
  return rpc ? `${request.method} ${path} · ${rpc}` : `${request.method} ${path}`;
}

function jsonRpcMethod(body: string | undefined): string | undefined {
  if (!body || !body.trimStart().startsWith('{')) return undefined;
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === 'object' && 'method' in parsed && typeof parsed.method === 'string') {
      return parsed.method;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
