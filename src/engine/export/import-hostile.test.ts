import { describe, expect, it } from 'vitest';
import { buildReport } from '../report/build-report.ts';
import { buildHar } from './har.ts';
import { importTrace } from './import-trace.ts';
import { secretSession } from './test-support/secret-session.ts';

const errorOf = (text: string) => {
  const result = importTrace(text);
  expect(result).toHaveProperty('error');
  return (result as { error: string }).error;
};

const reportJson = () =>
  JSON.parse(JSON.stringify(buildReport(secretSession()))) as Record<string, unknown> & {
    steps: Array<Record<string, unknown>>;
    exchanges: Array<Record<string, unknown>>;
  };
const harJson = () => JSON.parse(JSON.stringify(buildHar(secretSession()))) as { log: Record<string, unknown> & { entries: Array<Record<string, unknown>> } };

describe('importTrace on hostile input', () => {
  it('explains what is wrong, in plain words', () => {
    expect(errorOf('{"log":')).toBe('This file is not JSON. Choose a .har file or a report exported as JSON.');
    expect(errorOf('[1,2]')).toMatch(/should be an object/);
    expect(errorOf('{"hello":"world"}')).toBe('This is neither a HAR file nor an MCP Auth Flow report.');
    expect(errorOf('{"format":"mcp-auth-flow/report@7"}')).toMatch(/Unsupported report format/);
    // A refusal quotes at most a little of what the file said.
    expect(errorOf(JSON.stringify({ format: 'x'.repeat(1_000_000) }))).toBe(
      `Unsupported report format "${'x'.repeat(40)}…"; this version reads mcp-auth-flow/report@1.`,
    );
    expect(errorOf('{"log":{"entries":"none"}}')).toBe('This file cannot be imported: log.entries is missing or not a list.');
    expect(errorOf('{"log":{"entries":[null]}}')).toBe('This file cannot be imported: log.entries[0] should be an object.');
    expect(errorOf('{"log":{"entries":[{"request":{"method":"GET"}}]}}')).toBe(
      'This file cannot be imported: log.entries[0].request.url is missing or not text.',
    );
  });

  it('refuses values the views cannot show', () => {
    const report = reportJson();
    report.steps[0]!.kind = 'constructor';
    expect(errorOf(JSON.stringify(report))).toMatch(/^This file cannot be imported: steps\[0\]\.kind should be one of .*, not "constructor"\.$/);

    const badHeaders = reportJson();
    (badHeaders.exchanges[0]!.request as Record<string, unknown>).headers = [['a', 5]];
    expect(errorOf(JSON.stringify(badHeaders))).toBe('This file cannot be imported: exchanges[0].request.headers[0] should be a [name, value] pair of text.');

    const duplicate = reportJson();
    duplicate.exchanges[1]!.id = duplicate.exchanges[0]!.id;
    expect(errorOf(JSON.stringify(duplicate))).toBe('This file cannot be imported: Two exchanges have the id "x1".');

    const har = harJson();
    har.log.entries[2]!._lanes = { from: 'client', to: 'elsewhere' };
    expect(errorOf(JSON.stringify(har))).toMatch(/log\.entries\[2\]\._lanes\.to should be one of client, mcp, as, user, not "elsewhere"/);

    const otherVersion = harJson();
    otherVersion.log._mcpAuthFlow = { format: 'mcp-auth-flow/har@2' };
    expect(errorOf(JSON.stringify(otherVersion))).toMatch(/this version reads mcp-auth-flow\/har@1/);
  });

  it('never throws, whatever it gets', () => {
    const inputs: unknown[] = [
      '',
      'null',
      '42',
      '"text"',
      'true',
      '{"log":null}',
      '{"log":{"_mcpAuthFlow":{"format":"mcp-auth-flow/har@1"},"entries":[{}]}}',
      '{"log":{"_mcpAuthFlow":{"format":{"toString":"x"}}}}',
      '{"format":"mcp-auth-flow/report@1","server":"s","specVersion":"2025-11-25","status":"done","steps":[],"exchanges":[],"findings":[],"settings":{"timeoutMs":"x"}}',
      `${'['.repeat(200_000)}${']'.repeat(200_000)}`,
      `{"log":{"entries":[{},${'{"request":{"method":"GET","url":"u"}},'.repeat(10_000).slice(0, -1)}]}}`,
      undefined,
      12,
    ];
    for (const input of inputs) {
      expect(() => importTrace(input as string)).not.toThrow();
      expect(importTrace(input as string)).toHaveProperty('error');
    }
  });

  it('refuses a file over the limit without parsing it', () => {
    const huge = `{"log":{"entries":[],"comment":"${'a'.repeat(50 * 1024 * 1024)}"}}`;
    expect(errorOf(huge)).toBe('This file is too large to import (the limit is 25 MB).');
  });

  it('treats prototype-pollution keys as data', () => {
    const report = reportJson();
    const text = JSON.stringify(report)
      .replace('{"id":"mcp-unauthenticated"', '{"__proto__":{"polluted":"step"},"constructor":{"prototype":{"polluted":"ctor"}},"id":"mcp-unauthenticated"')
      .replace('"settings":{', '"settings":{"__proto__":{"polluted":"settings"},');
    const result = importTrace(`{"__proto__":{"polluted":"root"},${text.slice(1)}`);
    expect(result).toHaveProperty('session');
    const { session } = result as Extract<typeof result, { session: unknown }>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(session.steps[0])).toBe(Object.prototype);
    expect((session.steps[0] as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect((session.settings as unknown as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(session.steps[0]!)).not.toContain('constructor');
  });

  it('accepts a BOM at the start, as Windows editors write it', () => {
    expect(importTrace(`\uFEFF${JSON.stringify(buildReport(secretSession()))}`)).toHaveProperty('session');
  });
});
