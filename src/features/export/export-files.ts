import { buildHar } from '../../engine/export/har.ts';
import { buildReport } from '../../engine/report/build-report.ts';
import type { FlowSession } from '../../engine/model/session.ts';
import { loadedProviderProfiles } from '../../ui/use-provider-view.ts';
import { downloadText } from './download.ts';
import { exportFileName } from './file-name.ts';

export interface ExportOptions {
  includeSecrets: boolean;
}

export function downloadHar(session: FlowSession, { includeSecrets }: ExportOptions): void {
  const har = buildHar(session, { includeSecrets });
  downloadText(exportFileName(session.settings.serverUrl, 'har'), `${JSON.stringify(har, null, 2)}\n`, 'application/json');
}

/** The same JSON the CLI prints with --json. */
export function downloadReport(session: FlowSession, { includeSecrets }: ExportOptions): void {
  const report = buildReport(session, { includeSecrets, surface: 'app', providers: loadedProviderProfiles() });
  downloadText(exportFileName(session.settings.serverUrl, 'json'), `${JSON.stringify(report, null, 2)}\n`, 'application/json');
}
