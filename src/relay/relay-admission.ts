/**
 * How many relayed requests run at once, and what the rest do. Each running request may buffer
 * up to `bytesPerRequest` (its own body, then a preflight answer and a real answer, each capped),
 * and the relay reserves that much before it starts one: the reservations never pass
 * `maxBufferedBytes`, so buffered bodies stay under that ceiling however many requests arrive.
 * Up to `maxQueued` more wait their turn in order; past that the relay answers 429 at once,
 * without reading the body. GET /health never waits here.
 */
export interface AdmissionLimits {
  maxBufferedBytes: number;
  bytesPerRequest: number;
  maxQueued: number;
}

export type Admission = { release(): void } | 'busy' | 'gone';

export interface RelayAdmission {
  /** Waits for room; 'busy' when the queue is full, 'gone' when `signal` aborts (the caller left) first. */
  admit(signal: AbortSignal): Promise<Admission>;
  readonly maxRunning: number;
  readonly maxQueued: number;
}

export function createRelayAdmission({ maxBufferedBytes, bytesPerRequest, maxQueued }: AdmissionLimits): RelayAdmission {
  const maxRunning = Math.floor(maxBufferedBytes / bytesPerRequest);
  if (maxRunning < 1) throw new Error(`The relay's memory ceiling (${maxBufferedBytes} bytes) is below what one request may buffer (${bytesPerRequest}).`);
  let reservedBytes = 0;
  const waiting: Array<() => void> = [];

  const reserve = (): { release(): void } => {
    reservedBytes += bytesPerRequest;
    let released = false;
    return {
      release() {
        if (released) return;
        released = true;
        reservedBytes -= bytesPerRequest;
        waiting.shift()?.();
      },
    };
  };
  const hasRoom = () => reservedBytes + bytesPerRequest <= maxBufferedBytes;

  return {
    maxRunning,
    maxQueued,
    admit(signal) {
      if (signal.aborted) return Promise.resolve('gone');
      if (hasRoom() && waiting.length === 0) return Promise.resolve(reserve());
      if (waiting.length >= maxQueued) return Promise.resolve('busy');
      return new Promise<Admission>((resolve) => {
        const turn = () => {
          signal.removeEventListener('abort', leave);
          resolve(reserve());
        };
        const leave = () => {
          const index = waiting.indexOf(turn);
          if (index !== -1) waiting.splice(index, 1);
          resolve('gone');
        };
        waiting.push(turn);
        signal.addEventListener('abort', leave, { once: true });
      });
    },
  };
}
