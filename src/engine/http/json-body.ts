export type JsonBodyResult = { ok: true; value: unknown } | { ok: false; reason: 'empty' | 'html' | 'not-json'; detail: string };

const PREVIEW_CHARS = 80;

/**
 * Parses a metadata or token response body as JSON. The body decides, not the content type:
 * a JSON body served with a wrong type still parses (RFC 8414 §3.2 asks for application/json,
 * but that is not what breaks clients). When it fails, the detail says what came instead,
 * most often an HTML page from a proxy, SPA fallback or login wall (claude-ai-mcp#134).
 */
export function parseJsonBody(body: string, contentType: string | null): JsonBodyResult {
  const text = body.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { ok: false, reason: 'empty', detail: 'The response body is empty; a JSON document was expected.' };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Not JSON: say what it looks like.
  }
  const type = mediaType(contentType);
  const start = text.trimStart().slice(0, 15).toLowerCase();
  if (type === 'text/html' || start.startsWith('<!doctype') || start.startsWith('<html')) {
    return { ok: false, reason: 'html', detail: `The response is an HTML page, not JSON; it begins: ${preview(text)}` };
  }
  const served = type ? `served as ${type}` : 'served without a content type';
  return { ok: false, reason: 'not-json', detail: `The response body is not valid JSON (${served}); it begins: ${preview(text)}` };
}

function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The start of the body on one line, as plain text (it is rendered as text, never as HTML). */
function preview(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters become spaces in a one-line preview
  const oneLine = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return oneLine.length > PREVIEW_CHARS ? `${oneLine.slice(0, PREVIEW_CHARS)}…` : oneLine;
}
