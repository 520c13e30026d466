import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  /** Lower-case names, in the order received. */
  headers: Array<[string, string]>;
  body: string;
}

export interface TargetServer {
  /** http://127.0.0.1:<port> */
  origin: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/** A stand-in for the server the relay re-sends to: records what reached it, answers with `answer`. */
export async function startTargetServer(answer: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end('ok')): Promise<TargetServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
        headers.push([(req.rawHeaders[i] ?? '').toLowerCase(), req.rawHeaders[i + 1] ?? '']);
      }
      received.push({ method: req.method ?? '', path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
