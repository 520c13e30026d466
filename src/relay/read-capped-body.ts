import type { Readable } from 'node:stream';

export interface CappedBody {
  body: Buffer;
  truncated: boolean;
}

/**
 * Reads at most `maxBytes`; past that it stops and destroys the stream, so an endless or huge
 * body costs nothing more. Rejects when the stream breaks before its end.
 */
export function readCappedBody(stream: Readable, maxBytes: number): Promise<CappedBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (result: CappedBody) => {
      if (done) return;
      done = true;
      resolve(result);
    };

    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > maxBytes) {
        finish({ body: Buffer.concat(chunks).subarray(0, maxBytes), truncated: true });
        stream.destroy();
      }
    });
    stream.on('end', () => finish({ body: Buffer.concat(chunks), truncated: false }));
    stream.on('error', (error) => {
      if (!done) reject(error);
    });
    stream.on('close', () => {
      if (!done) reject(Object.assign(new Error('closed before the end'), { code: 'ECONNRESET' }));
    });
  });
}
