import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseReport } from '../engine/report/parse-report.ts';
import type { CliOptions } from './args.ts';
import { EXIT_FAILED, EXIT_UNREACHABLE } from './exit-code.ts';
import { CLIENT_NAME, chooseAuthorizationServer, runCli, settingsFor } from './run.ts';

const base: CliOptions = {
  serverUrl: 'https://mcp.example.com/mcp',
  spec: '2025-11-25',
  json: false,
  audit: false,
  timeoutMs: 1000,
  toolArgs: {},
  notices: [],
};

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('settingsFor', () => {
  it('turns the options into engine settings with the loopback redirect URI', () => {
    expect(settingsFor(base, 'http://127.0.0.1:5000/callback')).toEqual({
      serverUrl: 'https://mcp.example.com/mcp',
      specVersion: '2025-11-25',
      timeoutMs: 1000,
      redirectUri: 'http://127.0.0.1:5000/callback',
      clientName: CLIENT_NAME,
      registration: { mode: 'auto' },
    });
  });

  it('passes auto, credentials, the CIMD URL, the scope override and the issuer choice', () => {
    const settings = settingsFor(
      {
        ...base,
        spec: 'auto',
        clientId: 'id',
        clientSecret: 'secret',
        clientMetadataUrl: 'https://app/c.json',
        scope: 'a b',
        authorizationServer: 'https://as',
      },
      'http://127.0.0.1:5000/callback',
    );
    expect(settings).toMatchObject({
      specVersion: '2026-07-28',
      autoVersion: true,
      registration: { mode: 'auto', clientId: 'id', clientSecret: 'secret', clientMetadataUrl: 'https://app/c.json' },
      scopeOverride: 'a b',
      authorizationServer: 'https://as',
    });
  });
});

describe('chooseAuthorizationServer', () => {
  const issuers = ['https://a.example.com', 'https://b.example.com/tenant'];
  it('takes the first without a flag, and the one named otherwise (trailing slash aside)', () => {
    expect(chooseAuthorizationServer(issuers, undefined)).toBe('https://a.example.com');
    expect(chooseAuthorizationServer(issuers, 'https://b.example.com/tenant/')).toBe('https://b.example.com/tenant');
  });
  it('refuses an issuer the metadata does not list', () => {
    expect(() => chooseAuthorizationServer(issuers, 'https://c.example.com')).toThrow(
      '--authorization-server https://c.example.com is not one the resource metadata lists',
    );
  });
});

describe('runCli', () => {
  it('prints the steps and findings and exits 3 when the server cannot be reached', async () => {
    const out: string[] = [];
    const code = await runCli(
      { ...base, serverUrl: `http://127.0.0.1:${await closedPort()}/mcp` },
      { stdout: (text) => out.push(text), stderr: () => undefined },
    );
    expect(code).toBe(EXIT_UNREACHABLE);
    const text = out.join('');
    expect(text).toMatch(/^mcp-auth-flow \S+ · http:\/\/127\.0\.0\.1:\d+\/mcp · spec 2025-11-25/);
    expect(text).toContain('✗ ');
    expect(text).toContain('http.network-error');
    expect(text).toContain('fix: ');
    expect(text).toContain('Result: the server could not be reached: nothing came back (exit 3)');
  });

  it('exits 3 as a browser too: a refused connection is no CORS finding', async () => {
    const out: string[] = [];
    const code = await runCli(
      { ...base, serverUrl: `http://127.0.0.1:${await closedPort()}/mcp`, browserOrigin: 'http://localhost:3000' },
      { stdout: (text) => out.push(text), stderr: () => undefined },
    );
    expect(code).toBe(EXIT_UNREACHABLE);
    expect(out.join('')).toContain('The relay could not reach the server either');
    expect(out.join('')).not.toContain('cors.');
  });

  it('a server that answers, even with an error, is reached: exit 1', async () => {
    const server = createHttpServer((_, response) => response.writeHead(500).end('down for maintenance'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      const code = await runCli({ ...base, serverUrl: `http://127.0.0.1:${port}/mcp` }, { stdout: () => undefined, stderr: () => undefined });
      expect(code).toBe(EXIT_FAILED);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('prints the result when a server sends lone surrogates and NUL bytes in its JSON', async () => {
    // The escapes are JSON text; parsed, the token holds a lone surrogate, which broke the redactor.
    const body = '{"access_token":"\\ud800-hostile-token","error_description":"\\udc00\\u0000\\u001b[2J"}';
    const server = createHttpServer((_, response) => response.writeHead(401, { 'content-type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as { port: number };
      for (const json of [false, true]) {
        const out: string[] = [];
        const code = await runCli({ ...base, json, serverUrl: `http://127.0.0.1:${port}/mcp` }, { stdout: (text) => out.push(text), stderr: () => undefined });
        expect(code).toBe(EXIT_FAILED);
        expect(out.join('')).toContain(json ? '"status": "failed"' : 'Result: the flow failed (exit 1)');
        expect(out.join('')).not.toContain('hostile-token');
        // eslint-disable-next-line no-control-regex -- no raw NUL or ESC may reach the terminal
        if (!json) expect(out.join('')).not.toMatch(/[\0\u001b]/);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('prints only the report with --json', async () => {
    const out: string[] = [];
    const code = await runCli(
      { ...base, json: true, serverUrl: `http://127.0.0.1:${await closedPort()}/mcp` },
      { stdout: (text) => out.push(text), stderr: () => undefined },
    );
    expect(code).toBe(EXIT_UNREACHABLE);
    const report = parseReport(JSON.parse(out.join('')));
    expect(report).not.toHaveProperty('error');
    expect(report).toMatchObject({ format: 'mcp-auth-flow/report@1', status: 'failed', specVersion: '2025-11-25' });
  });
});
