import { chromium, type Browser } from '@playwright/test';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../engine/flow/create-session.ts';
import type { FlowSession } from '../engine/model/session.ts';
import { buildReport } from '../engine/report/build-report.ts';
import { formatJunit } from './junit.ts';
import { xmlAttribute, xmlText } from './xml-text.ts';

/**
 * The JUnit report is read back by a real XML parser: Chromium's DOMParser, which rejects a
 * document that is not well-formed XML 1.0 (the project's e2e tests need Chromium anyway).
 */
let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch(existsSync('/usr/bin/chromium') ? { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' } : {});
});
afterAll(() => browser?.close());

interface ParsedCase {
  classname: string | null;
  name: string | null;
  failures: Array<{ type: string | null; message: string | null; body: string }>;
  skipped: string | null;
  out: string | null;
}
type Parsed = { error: string } | { suite: Record<string, string | null>; properties: Record<string, string | null>; cases: ParsedCase[] };

async function parseXml(xml: string): Promise<Parsed> {
  const page = await browser.newPage();
  try {
    return await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.querySelector('parsererror');
      if (error) return { error: error.textContent ?? 'parse error' };
      const suite = doc.querySelector('testsuites > testsuite')!;
      const attrs = (element: Element) => Object.fromEntries([...element.attributes].map((attr) => [attr.name, attr.value]));
      return {
        suite: attrs(suite),
        properties: Object.fromEntries([...suite.querySelectorAll('properties > property')].map((p) => [p.getAttribute('name'), p.getAttribute('value')])),
        cases: [...suite.querySelectorAll('testcase')].map((testCase) => ({
          classname: testCase.getAttribute('classname'),
          name: testCase.getAttribute('name'),
          failures: [...testCase.querySelectorAll('failure')].map((failure) => ({
            type: failure.getAttribute('type'),
            message: failure.getAttribute('message'),
            body: failure.textContent ?? '',
          })),
          skipped: testCase.querySelector('skipped')?.getAttribute('message') ?? null,
          out: testCase.querySelector('system-out')?.textContent ?? null,
        })),
      };
    }, xml);
  } finally {
    await page.close();
  }
}

const HOSTILE = ']]></failure><x a="1">&amp; \' " <!-- \u0000\u0008\u001b[2J \ud800 \udfff \ufffe tab\there\r\nnext 😀';
/** What a reader gets back: markup intact as text, controls as \xNN, the rest of the forbidden as U+FFFD. */
const HOSTILE_READ = ']]></failure><x a="1">&amp; \' " <!-- \\x00\\x08\\x1b[2J \ufffd \ufffd \ufffd tab\there\r\nnext 😀';

function session(): FlowSession {
  const value = createSession({
    serverUrl: 'https://mcp.example.com/mcp?x=<&>',
    specVersion: '2025-11-25',
    timeoutMs: 1000,
    redirectUri: 'http://127.0.0.1:1/callback',
    clientName: 'test',
    registration: { mode: 'auto' },
  });
  const [first, second] = value.steps;
  value.steps[0] = { ...first!, status: 'ok', summary: 'fine', startedAt: 1_000, endedAt: 1_250 };
  value.steps[1] = { ...second!, status: 'failed', summary: `Server said ${HOSTILE}`, startedAt: 1_250, endedAt: 1_300 };
  value.status = 'failed';
  value.findings = [
    {
      id: 'f1',
      ruleId: 'cors.header-not-exposed',
      severity: 'error',
      stepId: first!.id,
      detail: 'WWW-Authenticate is hidden. Send: Access-Control-Expose-Headers: WWW-Authenticate',
    },
    { id: 'f2', ruleId: 'http.server-error', severity: 'error', stepId: second!.id, detail: HOSTILE },
    { id: 'f3', ruleId: 'challenge.no-scope', severity: 'warning', stepId: second!.id, detail: 'no scope' },
  ];
  return value;
}

describe('xmlText and xmlAttribute', () => {
  it('round-trip hostile server text through a real XML parser', async () => {
    const parsed = await parseXml(
      `<testsuites><testsuite><testcase classname="c" name="${xmlAttribute(HOSTILE)}"><failure message="${xmlAttribute(HOSTILE)}">${xmlText(HOSTILE)}</failure></testcase></testsuite></testsuites>`,
    );
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.cases[0]).toMatchObject({ name: HOSTILE_READ, failures: [{ message: HOSTILE_READ, body: HOSTILE_READ }] });
  });
});

describe('formatJunit', () => {
  it('one test case per step, a failure per error finding with rule id and fix, warnings as output, unreached steps skipped', async () => {
    const report = buildReport(session(), { surface: 'cli' });
    const xml = formatJunit({ report, exitCode: 1, browserOrigin: 'https://app.example' });
    const parsed = await parseXml(xml);
    if ('error' in parsed) throw new Error(`${parsed.error}\n${xml}`);

    expect(parsed.cases.map((testCase) => testCase.name)).toEqual(report.steps.map((step) => step.title));
    expect(new Set(parsed.cases.map((testCase) => testCase.classname))).toEqual(new Set([report.server]));
    expect(parsed.suite).toMatchObject({
      name: `mcp-auth-flow check ${report.server} as a browser at https://app.example`,
      tests: String(report.steps.length),
      failures: '2',
      skipped: String(report.steps.length - 2),
    });
    expect(parsed.properties).toMatchObject({ browserOrigin: 'https://app.example', exitCode: '1', status: 'failed' });

    const [first, second, third] = parsed.cases;
    expect(first!.failures).toHaveLength(1);
    expect(first!.failures[0]!.type).toBe('cors.header-not-exposed');
    expect(first!.failures[0]!.message).toMatch(
      /^cors\.header-not-exposed: WWW-Authenticate is hidden\. Send: Access-Control-Expose-Headers: WWW-Authenticate Fix: /,
    );
    expect(first!.failures[0]!.body).toContain('What is wrong: ');
    expect(first!.failures[0]!.body).toContain('Fix: ');
    expect(first!.out).toBe('fine');

    expect(second!.failures.map((failure) => failure.type)).toEqual(['http.server-error']);
    expect(second!.failures[0]!.message).toContain(`http.server-error: ${HOSTILE_READ}`);
    expect(second!.out).toContain('warning challenge.no-scope');
    expect(second!.out).toContain(`Server said ${HOSTILE_READ}`);
    expect(third).toMatchObject({ failures: [], skipped: 'Not run: the flow stopped before this step.' });
  });

  it('a failed step without an error finding still fails, and the tool call is a test case', async () => {
    const value = session();
    value.findings = [];
    const report = buildReport(value, { surface: 'cli' });
    const parsed = await parseXml(formatJunit({ report, exitCode: 1, toolCall: { name: 'echo', ok: false, error: 'HTTP 500' } }));
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.cases[1]!.failures).toEqual([{ type: 'step.failed', message: `${report.steps[1]!.title}: Server said ${HOSTILE_READ}`, body: '' }]);
    expect(parsed.cases.at(-1)).toMatchObject({
      name: 'Call the tool echo',
      failures: [{ type: 'tool-call.failed', message: 'The tool call failed: HTTP 500' }],
    });
  });
});
