import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../report/build-report.ts';
import { startFakeServer, type FakeServer } from '../rules/test-support/fake-mcp-auth-server.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import type { FlowSession } from '../model/session.ts';
import { buildHar } from './har.ts';
import { importTrace } from './import-trace.ts';

/** The same round trip on a session the real engine recorded, in the browser model (CORS applies). */
describe('export and import of a real run', () => {
  let fake: FakeServer;
  let session: FlowSession;

  beforeAll(async () => {
    fake = await startFakeServer();
    session = await runFlow(fake, { browser: true });
  });
  afterAll(async () => {
    await fake.close();
  });

  const sessionOf = (text: string) => {
    const result = importTrace(text);
    if ('error' in result) throw new Error(result.error);
    return result.session;
  };

  it('finishes, so there are secrets to hide', () => {
    expect(session.status).toBe('done');
    expect(session.learned.tokens?.access_token).toBeTruthy();
  });

  it('leaves none of the run’s secrets in the HAR', () => {
    const json = JSON.stringify(buildHar(session));
    const { learned } = session;
    for (const secret of [learned.tokens?.access_token, learned.tokens?.refresh_token, learned.code, learned.pkce?.verifier]) {
      expect(secret).toBeTruthy();
      expect(json).not.toContain(secret);
    }
  });

  it('imports the HAR and the report to the same session', () => {
    const fromHar = sessionOf(JSON.stringify(buildHar(session)));
    const fromReport = sessionOf(JSON.stringify(buildReport(session)));
    expect(fromHar).toEqual(fromReport);
    expect(fromHar.steps.map((step) => [step.id, step.kind, step.status])).toEqual(session.steps.map((step) => [step.id, step.kind, step.status]));
    expect(fromHar.exchanges.map((exchange) => [exchange.id, exchange.outcome, exchange.response?.status])).toEqual(
      session.exchanges.map((exchange) => [exchange.id, exchange.outcome, exchange.response?.status]),
    );
    expect(fromHar.findings.map((finding) => finding.ruleId)).toEqual(session.findings.map((finding) => finding.ruleId));
  });
});
