import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { importTrace } from '../../engine/export/import-trace.ts';
import { responseWithoutResponseReport } from '../../engine/export/test-support/hostile-traces.ts';
import { secretSession } from '../../engine/export/test-support/secret-session.ts';
import type { Exchange } from '../../engine/model/exchange.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import { BODY_DISPLAY_STEP } from './body-display.ts';
import { ExchangePanel } from './ExchangePanel.tsx';

const session = secretSession();
const answered = session.exchanges[0]!;

function panel(exchange: Exchange, inSession: FlowSession = session): string {
  const started = performance.now();
  const html = renderToStaticMarkup(<ExchangePanel exchange={exchange} session={inSession} onSelectStep={() => undefined} />);
  expect(performance.now() - started).toBeLessThan(1_000);
  return html;
}

const withBody = (body: string): Exchange => ({
  ...answered,
  response: { ...answered.response!, body, bodyBytes: body.length, headers: [['content-type', 'application/json']] },
});

describe('ExchangePanel with values a file can hold', () => {
  it('renders an exchange whose outcome is "response" but that holds none', () => {
    const { response: _response, ...withoutResponse } = answered;
    expect(panel(withoutResponse)).toContain('Response (not recorded)');
  });

  it('renders such an exchange after importing it', () => {
    const result = importTrace(responseWithoutResponseReport());
    if ('error' in result) throw new Error(result.error);
    expect(panel(result.session.exchanges[0]!, result.session)).toContain('The imported file holds no response for this exchange.');
  });

  it('renders a start time no Date can hold', () => {
    expect(panel({ ...answered, startedAt: 1e300 })).toContain('1e+300');
  });
});

describe('ExchangePanel with a large body', () => {
  it('lays out only the first 64 K characters, says so, and offers more', () => {
    const html = panel(withBody('a'.repeat(500_000)));
    const shown = /data-testid="response-body"[^>]*>([^<]*)</.exec(html)![1]!;
    expect(shown).toHaveLength(BODY_DISPLAY_STEP);
    expect(html).toContain('Body shown cut for display: showing 65,536 of 500,000 characters.');
    expect(html).toContain('Show 64 K more');
  });

  it('shows deeply nested JSON as recorded rather than indenting it for seconds', () => {
    for (const depth of [2_000, 4_000, 100_000]) {
      expect(panel(withBody(`${'['.repeat(depth)}${']'.repeat(depth)}`))).toContain('Shown as recorded: nested more than 32 levels deep, too deep to indent.');
    }
    expect(panel(withBody(`{"a":${'['.repeat(30)}"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["${']'.repeat(30)}}`))).not.toContain('Shown as recorded');
  });

  it('decodes the first 10 of a thousand tokens and counts the rest', () => {
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tokens = Array.from({ length: 1_000 }, (_, index) => `${part({ alg: 'none' })}.${part({ n: index })}.c2ln`);
    const html = panel(withBody(JSON.stringify(tokens)));
    expect(html.match(/data-testid="jwt-view"/g)).toHaveLength(10);
    expect(html).toContain('990 more JWT-shaped strings in this exchange are not decoded here.');
  });
});

describe('ExchangePanel says when the recording holds only part of a body (issue 9 §2.5)', () => {
  it('a body cut when recorded: the kept and the full size, and that the checks read it whole', () => {
    const exchange = withBody('{"a":"' + 'x'.repeat(1_000));
    const html = panel({ ...exchange, response: { ...exchange.response!, bodyBytes: 15_728_640, bodyTruncated: true } });
    expect(html).toContain('data-testid="response-body-record-cut"');
    expect(html).toContain('Cut when recorded: the recording keeps the first 1,006 bytes of this 15,728,640-byte body for display.');
    expect(html).toContain('checks read the whole body (up to 16 MiB)');
  });

  it('a body cut while it was read: the limit, and that no check saw the rest', () => {
    const exchange = withBody('{"a":"' + 'x'.repeat(1_000));
    const html = panel({ ...exchange, response: { ...exchange.response!, bodyBytes: 16_842_752, bodyTruncated: true, bodyReadLimit: 16_777_216 } });
    expect(html).toContain('Cut while it was read: reading stopped at the 16,777,216-byte limit after 16,842,752 bytes, so no check saw the rest');
  });

  it('a whole body: no note', () => {
    expect(panel(withBody('{"a":1}'))).not.toContain('response-body-record-cut');
  });
});
