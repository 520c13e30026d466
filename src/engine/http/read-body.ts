/** Past this, a body is cut off even for the caller: no metadata document or token response is this big. */
export const HARD_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export interface ReadBody {
  /** Up to HARD_BODY_LIMIT_BYTES, for the caller. */
  bytes: Uint8Array;
  /** Up to the display cap, decoded, for the recording. */
  text: string;
  /** Bytes received, which may exceed what was kept. */
  size: number;
  truncated: boolean;
}

/**
 * Reads a body once, keeping a capped copy for display. A huge or endless body cannot exhaust
 * memory: reading stops at the hard limit (or when the signal aborts) and what came so far is kept.
 */
export async function readBody(response: Response, displayBytes: number, signal?: AbortSignal): Promise<ReadBody> {
  if (!response.body) return { bytes: new Uint8Array(), text: '', size: 0, truncated: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let stopped = false;
  const onAbort = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      if (size >= HARD_BODY_LIMIT_BYTES) {
        stopped = true;
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const bytes = concat(chunks, Math.min(size, HARD_BODY_LIMIT_BYTES));
  const text = new TextDecoder().decode(bytes.subarray(0, displayBytes));
  return { bytes, text, size, truncated: stopped || size > displayBytes };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, length - offset);
    joined.set(part, offset);
    offset += part.byteLength;
    if (offset >= length) break;
  }
  return joined;
}
