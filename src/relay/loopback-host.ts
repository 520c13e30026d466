import { isIPv4 } from 'node:net';

/** The relay sends requests anywhere on behalf of its caller, so only this machine may reach it. */
export function isLoopbackHost(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIPv4(host)) return host.startsWith('127.');
  return host === '::1';
}

export function httpUrlFor(host: string, port: number): string {
  return host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}`;
}
