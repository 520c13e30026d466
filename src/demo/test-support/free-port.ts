import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** Asks the OS for a free loopback port (the AS and MCP server must know each other's URL up front). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
