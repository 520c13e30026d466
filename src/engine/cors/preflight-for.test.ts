import { describe, expect, it } from 'vitest';
import { buildMcpRequest, firstRequest } from '../mcp/jsonrpc.ts';
import { SPEC_PROFILES } from '../spec/profiles.ts';
import type { HeaderList } from '../model/header-list.ts';
import { isCrossOrigin, preflightFor } from './preflight-for.ts';
import { corsUnsafeRequestHeaderNames, isSafelistedRequestHeader } from './safelisted-request.ts';

const APP = 'http://localhost:5173';
const MCP = 'https://mcp.example.com/mcp';
const headersOf = (record: Record<string, string>): HeaderList => [...new Headers(record)];

describe('preflightFor (Fetch §4.3 HTTP fetch, step 4.1)', () => {
  it('asks about the headers of the engine’s own first MCP request in each version', () => {
    const latest = firstRequest(SPEC_PROFILES.profileFor('2026-07-28'));
    expect(preflightFor({ method: 'POST', url: MCP, headers: headersOf(latest.headers) }, APP)).toMatchObject({
      method: 'POST',
      headers: ['content-type', 'mcp-method', 'mcp-protocol-version'],
    });
    const initialize = firstRequest(SPEC_PROFILES.profileFor('2025-11-25'));
    expect(preflightFor({ method: 'POST', url: MCP, headers: headersOf(initialize.headers) }, APP)?.headers).toEqual(['content-type']);
  });

  it('adds Authorization, Mcp-Session-Id and Mcp-Name when they are sent', () => {
    const call = buildMcpRequest(
      SPEC_PROFILES.profileFor('2026-07-28'),
      'tools/call',
      { name: 'echo', arguments: {} },
      { id: 3, sessionId: 's-1', accessToken: 't' },
    );
    expect(preflightFor({ method: 'POST', url: MCP, headers: headersOf(call.headers) }, APP)?.headers).toEqual([
      'authorization',
      'content-type',
      'mcp-method',
      'mcp-name',
      'mcp-protocol-version',
      'mcp-session-id',
    ]);
    const resume = headersOf({ Accept: 'text/event-stream', 'Last-Event-ID': '42' });
    expect(preflightFor({ method: 'GET', url: MCP, headers: resume }, APP)?.headers).toEqual(['last-event-id']);
  });

  it('needs none for a form POST or a GET with only safelisted headers, as oauth4webapi sends them', () => {
    const token = headersOf({ accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' });
    expect(preflightFor({ method: 'POST', url: 'https://as.example.com/token', headers: token }, APP)).toBeNull();
    expect(
      preflightFor(
        { method: 'GET', url: 'https://as.example.com/.well-known/oauth-authorization-server', headers: headersOf({ accept: 'application/json' }) },
        APP,
      ),
    ).toBeNull();
  });

  it('needs one for a JSON registration request, and names the reason', () => {
    const plan = preflightFor({ method: 'POST', url: 'https://as.example.com/register', headers: headersOf({ 'content-type': 'application/json' }) }, APP);
    expect(plan).toEqual({ method: 'POST', headers: ['content-type'], reasons: ['Content-Type application/json is not one a form could send'] });
  });

  it('preflights a method that is not GET, HEAD or POST even without unsafe headers', () => {
    expect(preflightFor({ method: 'DELETE', url: MCP, headers: [] }, APP)).toEqual({
      method: 'DELETE',
      headers: [],
      reasons: ['the method DELETE is not GET, HEAD or POST'],
    });
  });

  it('needs no CORS at all on the page’s own origin', () => {
    expect(isCrossOrigin(`${APP}/mcp`, APP)).toBe(false);
    expect(isCrossOrigin('http://127.0.0.1:5173/mcp', APP)).toBe(true);
    expect(preflightFor({ method: 'DELETE', url: `${APP}/mcp`, headers: headersOf({ authorization: 'Bearer t' }) }, APP)).toBeNull();
  });

  it('ignores headers the browser never sends (forbidden request-header names)', () => {
    const headers = headersOf({ 'user-agent': 'oauth4webapi/v3', 'sec-fetch-mode': 'cors', 'proxy-authorization': 'x', accept: '*/*' });
    expect(preflightFor({ method: 'GET', url: MCP, headers }, APP)).toBeNull();
  });

  it('drops a method override that names a forbidden method, and asks about any other', () => {
    const request = (value: string) => ({ method: 'POST', url: MCP, headers: headersOf({ 'x-http-method-override': value }) });
    expect(preflightFor(request('TRACE'), APP)).toBeNull();
    expect(preflightFor(request('PUT'), APP)?.headers).toEqual(['x-http-method-override']);
  });
});

describe('CORS-safelisted request-headers (Fetch §2.2.2)', () => {
  it.each([
    ['accept', 'application/json, text/event-stream', true],
    ['accept', 'text/html; q="0.9"', false],
    ['accept-language', 'en-GB,en;q=0.9', true],
    ['accept-language', 'en_GB', false],
    ['content-language', 'de-DE', true],
    ['content-type', 'text/plain;charset=UTF-8', true],
    ['content-type', 'Multipart/Form-Data; boundary=x', true],
    ['content-type', 'application/json', false],
    ['content-type', 'text/plain; charset="utf-8"', false],
    ['range', 'bytes=0-99', true],
    ['range', 'bytes=-99', false],
    ['range', 'bytes=9-1', false],
    ['accept', 'a'.repeat(129), false],
    ['x-requested-with', 'XMLHttpRequest', false],
  ])('%s: %s → %s', (name, value, safelisted) => {
    expect(isSafelistedRequestHeader(name, value)).toBe(safelisted);
  });

  it('makes safelisted headers unsafe once their values pass 1024 bytes together', () => {
    const headers: HeaderList = [
      ['accept', 'a'.repeat(120)],
      ['accept-language', 'b'.repeat(120)],
      ...Array.from({ length: 7 }, (_, index): [string, string] => ['accept', `${index}`.repeat(120)]),
    ];
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(['accept', 'accept-language']);
    expect(corsUnsafeRequestHeaderNames(headers.slice(0, 8))).toEqual([]);
  });
});
