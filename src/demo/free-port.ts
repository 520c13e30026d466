import { createServer, type AddressInfo } from 'node:net';

/**
 * Asks the OS for a free loopback port. The authorization server and the MCP server must know each other's
 * URL before either listens, so their ports are chosen up front (a port another program takes in between
 * is reported as in use).
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, 'localhost', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
