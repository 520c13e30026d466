import { describe, expect, it } from 'vitest';
import { buildReport } from '../report/build-report.ts';
import { buildHar } from './har.ts';
import { importTrace } from './import-trace.ts';
import { secretSession } from './test-support/secret-session.ts';

describe('relay mode survives export and import', () => {
  it('keeps which exchanges went through the relay, in the report and in the HAR', () => {
    const session = secretSession();
    const relayedId = session.exchanges[0]!.id;
    session.exchanges[0] = { ...session.exchanges[0]!, relayed: true };
    for (const text of [JSON.stringify(buildReport(session)), JSON.stringify(buildHar(session))]) {
      const imported = importTrace(text);
      if ('error' in imported) throw new Error(imported.error);
      expect(imported.session.exchanges.filter((exchange) => exchange.relayed).map((exchange) => exchange.id)).toEqual([relayedId]);
    }
  });
});
