import { buildReport } from '../report/build-report.ts';
import type { FlowSession } from '../model/session.ts';
import { HAR_DATA_FORMAT, type HarLog } from './har-format.ts';
import { harEntry } from './har-entry.ts';

export interface BuildHarOptions {
  /** Keep tokens, codes, verifiers and secrets as recorded. Off by default. */
  includeSecrets?: boolean;
  /** For tests: the time to stamp the file with. */
  now?: Date;
}

const PAGE_ID = 'mcp-auth-flow';

/**
 * The run as HAR 1.2: one entry per exchange, browser navigations included (status 0, with a
 * comment) because steps and findings point at them and import must find them again.
 * Built from the JSON report, so both exports redact exactly the same way.
 */
export function buildHar(session: FlowSession, options: BuildHarOptions = {}): HarLog {
  const report = buildReport(session, options);
  const kinds = new Map(report.steps.map((step) => [step.id, step.kind]));
  const entries = report.exchanges.map((exchange) => {
    const kind = kinds.get(exchange.stepId);
    return harEntry(exchange, {
      pageref: PAGE_ID,
      ...(kind ? { stepKind: kind } : {}),
      findings: report.findings.filter((finding) => finding.exchangeId === exchange.id),
    });
  });
  return {
    log: {
      version: '1.2',
      creator: { name: report.generator.name, version: report.generator.version },
      pages: [
        {
          startedDateTime: entries[0]?.startedDateTime ?? report.generatedAt,
          id: PAGE_ID,
          title: `MCP Auth Flow: ${report.server}`,
          pageTimings: { onContentLoad: -1, onLoad: -1 },
        },
      ],
      entries,
      comment: report.redacted
        ? 'Tokens, codes, verifiers, client secrets and cookies are redacted.'
        : 'Contains live secrets (tokens, codes, client secrets): share it only with people you would give them to.',
      _mcpAuthFlow: {
        format: HAR_DATA_FORMAT,
        generatedAt: report.generatedAt,
        server: report.server,
        specVersion: report.specVersion,
        status: report.status,
        ...(report.offSpec ? { offSpec: true } : {}),
        redacted: report.redacted,
        settings: report.settings,
        facts: report.facts,
        steps: report.steps,
        findings: report.findings,
      },
    },
  };
}
