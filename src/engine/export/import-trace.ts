import { parseReport } from '../report/parse-report.ts';
import type { FlowSession } from '../model/session.ts';
import { Fields, TraceError } from './fields.ts';
import { sessionFromForeignHar } from './foreign-har.ts';
import { HAR_DATA_FORMAT } from './har-format.ts';
import { readHarExchange } from './har-exchange.ts';
import { IMPORT_LIMITS, MAX_IMPORT_LABEL } from './import-limits.ts';
import { readReportExchange } from './report-exchange.ts';
import { sessionFromTrace } from './session-from-trace.ts';

/** report: our JSON report. har: a HAR we wrote. foreign-har: any other HAR (devtools, proxies). */
export type TraceSource = 'report' | 'har' | 'foreign-har';

/** `notices`: what the import cut to its limits or repaired, in sentences for the user (often none). */
export type ImportResult = { session: FlowSession; source: TraceSource; notices: string[] } | { error: string };

/**
 * Reads a file the user chose: a JSON report or a HAR. Never throws, whatever the text; a problem
 * comes back as `{ error }` in plain words. The session is for viewing: it holds no secrets in
 * `learned` (not even from a file exported with secrets), so it cannot continue the flow.
 */
export function importTrace(text: string): ImportResult {
  try {
    if (typeof text !== 'string') return { error: 'Nothing to import: the file could not be read as text.' };
    // A UTF-8 character is at least one byte, so this many characters is at least this many bytes.
    if (text.length > IMPORT_LIMITS.fileBytes) return { error: `This file is too large to import (the limit is ${MAX_IMPORT_LABEL}).` };
    let value: unknown;
    try {
      value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      return { error: 'This file is not JSON. Choose a .har file or a report exported as JSON.' };
    }
    return importValue(value);
  } catch (error) {
    if (error instanceof TraceError) return { error: `This file cannot be imported: ${error.message}` };
    return { error: `This file cannot be imported: ${error instanceof Error ? error.message : 'it is malformed'}.` };
  }
}

function importValue(value: unknown): ImportResult {
  const root = Fields.of(value, '');
  const imported = (session: FlowSession, source: TraceSource): ImportResult => ({ session, source, notices: root.notices.list() });
  if (root.has('log')) {
    const log = root.object('log');
    return log.has('_mcpAuthFlow') ? imported(ourHar(log), 'har') : imported(sessionFromForeignHar(log), 'foreign-har');
  }
  if (root.has('format')) {
    const report = parseReport(value);
    if ('error' in report) return { error: report.error };
    return imported(
      sessionFromTrace(
        root,
        root.objects('exchanges', 'exchanges').map((exchange) => readReportExchange(exchange)),
      ),
      'report',
    );
  }
  return { error: 'This is neither a HAR file nor an MCP Auth Flow report.' };
}

function ourHar(log: Fields): FlowSession {
  const data = log.object('_mcpAuthFlow');
  const format = data.raw('format');
  if (format !== HAR_DATA_FORMAT) {
    const seen = typeof format === 'string' ? `"${format.slice(0, 40)}"` : 'missing or not text';
    throw new TraceError(`log._mcpAuthFlow.format is ${seen}; this version reads ${HAR_DATA_FORMAT}.`);
  }
  return sessionFromTrace(
    data,
    log.objects('entries', 'exchanges').map((entry) => readHarExchange(entry)),
  );
}
