import { afterEach, describe, expect, it } from 'vitest';
import { buildHar } from '../export/har.ts';
import { importTrace } from '../export/import-trace.ts';
import { buildReport } from '../report/build-report.ts';
import { runFlow } from '../rules/test-support/run-flow.ts';
import { PROVIDERS } from './catalog.ts';
import { providerView } from './explain.ts';
import { ENTRA_API_APP_ID, ENTRA_CLIENT_ID, startEntra } from './test-support/entra-server.ts';

const servers: Array<{ close: () => Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('the provider of an imported run', () => {
  it('is read from the exchanges again: an exported Entra run, imported as HAR or as the JSON report, says the same', async () => {
    const entra = await startEntra({ resource: 'unsupported' });
    servers.push(entra);
    const live = await runFlow(entra, {
      settings: { registration: { mode: 'pre-registered', clientId: ENTRA_CLIENT_ID } },
      then: (engine) => engine.continueAnyway(),
    });
    const liveView = providerView(live);
    for (const exported of [JSON.stringify(buildHar(live)), JSON.stringify(buildReport(live, { providers: PROVIDERS }))]) {
      const result = importTrace(exported);
      if ('error' in result) throw new Error(result.error);
      const imported = result.session;
      // The parsed metadata is not in the file: the view finds it in the recorded exchange.
      expect(imported.learned.asMetadata).toBeUndefined();
      const view = providerView(imported);
      expect(view.provider).toEqual(liveView.provider);
      const finding = imported.findings.find((candidate) => candidate.ruleId === 'callback.error');
      expect(view.explanations[finding!.id]?.fix).toContain(`scope=api://${ENTRA_API_APP_ID}/.default`);
    }
  });
});
