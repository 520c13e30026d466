/**
 * Reads a JSON-RPC response out of a Streamable HTTP body, which is either plain JSON or an
 * event stream whose `data:` lines carry JSON-RPC messages (MCP transports, "Sending Messages").
 */

export type JsonRpcResponse =
  { kind: 'result'; id: unknown; result: Record<string, unknown> } | { kind: 'error'; id: unknown; code: number; message: string; data?: unknown };

export type McpParseResult = { ok: true; response: JsonRpcResponse } | { ok: false; problem: string };

export function parseMcpResponse(body: string, contentType: string | null, id?: number): McpParseResult {
  const messages = contentType?.toLowerCase().includes('text/event-stream') ? sseMessages(body) : [body];
  let lastProblem = 'The body is empty.';
  for (const text of messages) {
    const parsed = toResponse(text);
    if (!parsed.ok) {
      lastProblem = parsed.problem;
      continue;
    }
    if (id === undefined || parsed.response.id === id) return parsed;
  }
  return { ok: false, problem: lastProblem };
}

function sseMessages(body: string): string[] {
  const events: string[] = [];
  let data: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if (line === '') {
      if (data.length) events.push(data.join('\n'));
      data = [];
    } else if (line.startsWith('data:')) {
      data.push(line.slice(5).replace(/^ /, ''));
    }
  }
  if (data.length) events.push(data.join('\n'));
  return events;
}

function toResponse(text: string): McpParseResult {
  if (!text.trim()) return { ok: false, problem: 'The body is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: `The body is not JSON: ${JSON.stringify(text.slice(0, 80))}` };
  }
  if (!value || typeof value !== 'object') return { ok: false, problem: 'The body is not a JSON-RPC object.' };
  const message = value as Record<string, unknown>;
  const error = message.error as Record<string, unknown> | undefined;
  if (error && typeof error === 'object') {
    return {
      ok: true,
      response: {
        kind: 'error',
        id: message.id,
        code: typeof error.code === 'number' ? error.code : 0,
        message: typeof error.message === 'string' ? error.message : 'No message',
        ...(error.data !== undefined ? { data: error.data } : {}),
      },
    };
  }
  if (message.result && typeof message.result === 'object') {
    return { ok: true, response: { kind: 'result', id: message.id, result: message.result as Record<string, unknown> } };
  }
  return { ok: false, problem: 'The body is JSON but neither a JSON-RPC result nor an error.' };
}
