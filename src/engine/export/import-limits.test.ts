import { describe, expect, it } from 'vitest';
import type { FlowSession } from '../model/session.ts';
import { IMPORT_LIMITS } from './import-limits.ts';
import { importTrace } from './import-trace.ts';
import { foreignHar, harJson, reportJson, responseWithoutResponseReport } from './test-support/hostile-traces.ts';

/** Imports within the 2 s the app promises, and returns the session and the notices shown with it. */
function timedImport(text: string): { session: FlowSession; notices: string[] } {
  const started = performance.now();
  const result = importTrace(text);
  expect(performance.now() - started).toBeLessThan(2_000);
  if ('error' in result) throw new Error(result.error);
  return result;
}

describe('bounded imports', () => {
  it('keeps 200 of 100,000 headers per message, and says so', () => {
    const { session, notices } = timedImport(foreignHar({ headers: 100_000 }));
    expect(session.exchanges[0]!.request.headers).toHaveLength(IMPORT_LIMITS.headersPerMessage);
    expect(session.exchanges[0]!.response!.headers).toHaveLength(IMPORT_LIMITS.headersPerMessage);
    expect(notices).toContain('Cut to the import limit: 2 messages have more than 200 headers (up to 100,000); only the first 200 of each are kept.');
  });

  it('keeps the first 1,000 of 20,000 entries, and says so', () => {
    const { session, notices } = timedImport(foreignHar({ entries: 20_000 }));
    expect(IMPORT_LIMITS.exchanges).toBe(1_000);
    expect(session.exchanges).toHaveLength(IMPORT_LIMITS.exchanges);
    expect(session.exchanges.at(-1)!.request.url).toBe('https://mcp.example.test/mcp?n=999');
    expect(notices).toContain('Cut to the import limit: the file has 20,000 exchanges; only the first 1,000 are kept.');
  });

  it('cuts a 24 MB body to 512 KiB and marks it cut, in every kind of file', () => {
    const huge = `{"data":"${'a'.repeat(24 * 1024 * 1024)}"}`;
    const report = reportJson();
    (report.exchanges[0]!.response as Record<string, unknown>).body = huge;
    const har = harJson();
    ((har.log.entries[0]!.response as Record<string, unknown>).content as Record<string, unknown>).text = huge;
    for (const text of [foreignHar({ bodyBytes: 24 * 1024 * 1024 }), JSON.stringify(report), JSON.stringify(har)]) {
      const { session, notices } = timedImport(text);
      const { response } = session.exchanges[0]!;
      expect(response!.body).toHaveLength(IMPORT_LIMITS.bodyChars);
      expect(response!.bodyTruncated).toBe(true);
      expect(notices.join('\n')).toMatch(/^Cut to the import limit: 1 body has 2\d,\d{3},\d{3} characters; only the first 524,288 are kept\.$/m);
    }
  });

  it('keeps the first 1,000 steps', () => {
    const report = reportJson() as ReturnType<typeof reportJson> & { steps: Array<Record<string, unknown>> };
    report.steps = Array.from({ length: 5_000 }, (_, index) => ({ ...report.steps[0], id: `s${index}` }));
    const { session, notices } = timedImport(JSON.stringify(report));
    expect(session.steps).toHaveLength(IMPORT_LIMITS.steps);
    expect(IMPORT_LIMITS.steps).toBe(1_000);
    expect(notices).toContain('Cut to the import limit: the file has 5,000 steps; only the first 1,000 are kept.');
  });

  it('cuts an over-long text field (a URL, a label) to 16 K characters', () => {
    const report = reportJson();
    report.exchanges[0]!.label = 'L'.repeat(1_000_000);
    const { session, notices } = timedImport(JSON.stringify(report));
    expect(session.exchanges[0]!.label).toHaveLength(IMPORT_LIMITS.textChars);
    expect(notices).toContain('Cut to the import limit: 1 text field has 1,000,000 characters; only the first 16,384 are kept.');
  });

  it('gives no notice for a file within every limit', () => {
    expect(timedImport(JSON.stringify(reportJson())).notices).toEqual([]);
    expect(timedImport(foreignHar({ entries: 3, headers: 20 })).notices).toEqual([]);
  });
});

describe('values that would break a view are repaired, with a notice', () => {
  it('an exchange with outcome "response" but no response', () => {
    const { session, notices } = timedImport(responseWithoutResponseReport());
    expect(session.exchanges[0]).toMatchObject({ outcome: 'network-error', error: 'The imported file holds no response for this exchange.' });
    expect(notices).toEqual(['exchanges[0] says a response arrived but holds none; it is shown as an exchange without a response.']);
  });

  it('a start time no Date can hold', () => {
    const report = reportJson();
    report.exchanges[1]!.startedAt = 1e300;
    const { session, notices } = timedImport(JSON.stringify(report));
    expect(session.exchanges[1]!.startedAt).toBe(0);
    expect(notices).toEqual(['exchanges[1] has a start time no date can hold; it is shown as 0 (1970-01-01).']);
  });

  it('a timeout the form cannot hold', () => {
    const report = reportJson();
    (report.settings as Record<string, unknown>).timeoutMs = -5;
    const { session, notices } = timedImport(JSON.stringify(report));
    expect(session.settings.timeoutMs).toBe(15_000);
    expect(notices).toEqual(["settings.timeoutMs is -5 ms, outside the form's 1 to 300 s; the default of 15 s is used."]);
  });
});
