import { afterEach, describe, expect, it } from 'vitest';
import { startEntra, ENTRA_API_APP_ID, ENTRA_CLIENT_ID } from '../engine/providers/test-support/entra-server.ts';
import { PROVIDERS } from '../engine/providers/catalog.ts';
import { buildReport } from '../engine/report/build-report.ts';
import { runFlow } from '../engine/rules/test-support/run-flow.ts';
import { formatRun } from './print.ts';
import { unrunSession } from './test-support/unrun-session.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('the provider in the report and the CLI output', () => {
  it('names Entra once at the top and gives the AADSTS901002 finding its cause and the scope to send', async () => {
    const entra = await startEntra({ resource: 'unsupported' });
    servers.push(entra);
    const session = await runFlow(entra, {
      settings: { registration: { mode: 'pre-registered', clientId: ENTRA_CLIENT_ID } },
      then: (engine) => engine.continueAnyway(),
    });
    const report = buildReport(session, { surface: 'cli', providers: PROVIDERS });
    expect(report.provider?.name).toBe('Microsoft Entra ID');
    const finding = report.findings.find((candidate) => candidate.ruleId === 'callback.error');
    expect(finding?.provider?.fix).toContain(`scope=api://${ENTRA_API_APP_ID}/.default`);
    // The rule stays the same: only the explanation is added.
    expect(finding?.severity).toBe('error');
    expect(finding?.fix).toBeTruthy();

    const printed = formatRun({ report, exitCode: 1 });
    expect(printed.match(/^Provider: recognised as Microsoft Entra ID from /gm)).toHaveLength(1);
    const lines = printed.split('\n');
    const at = lines.findIndex((line) => line.includes('callback.error: error=invalid_request'));
    expect(lines.slice(at, at + 8).join('\n')).toMatch(
      new RegExp(
        `with Microsoft Entra ID: Entra v2.0 names the API in the scope.*\\n.*fix with Microsoft Entra ID: Request scope=api://${ENTRA_API_APP_ID}/\\.default and leave resource out`,
      ),
    );
    // The provider's fix leads; the rule's own fix follows as the general case.
    expect(lines.slice(at, at + 8).join('\n')).toMatch(/fix with Microsoft Entra ID: .*\n\s+fix in general: /);
  });

  it('tells one deviation once: later findings it explains point at the first', () => {
    const session = unrunSession();
    const report = buildReport(session);
    const gateway = {
      provider: 'Gateway',
      deviation: 'gateway.challenge',
      cause: 'Its own challenge.',
      fix: 'Exempt /.well-known/*.',
      docs: 'https://example.com/',
    };
    report.findings = [
      { id: 'a', ruleId: 'cors.no-allow-origin', severity: 'error', stepId: 'prm', detail: 'a', provider: gateway },
      { id: 'b', ruleId: 'prm.behind-auth', severity: 'error', stepId: 'prm', detail: 'b', provider: gateway },
    ] as typeof report.findings;
    const printed = formatRun({ report, exitCode: 1 });
    expect(printed.match(/fix with Gateway: Exempt/g)).toHaveLength(1);
    expect(printed).toContain('with Gateway: the same cause as cors.no-allow-origin above, and the same fix');
  });
});
