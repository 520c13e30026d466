import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/**
 * Listens before the caller builds its handler, so that port 0 works: the demo servers
 * need their real port to know their own URLs (issuer, resource).
 * Rejects with the raw listen error (e.g. code EADDRINUSE) so callers can explain it.
 */
export async function listenOnPort(port: number, host: string): Promise<ListeningServer> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => closeServer(server),
  };
}

async function closeServer(server: Server): Promise<void> {
  if (!server.listening) return;
  const closed = new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
  });
  // Keep-alive sockets from browsers would otherwise hold close() open for seconds.
  server.closeAllConnections();
  await closed;
}
