import type { FlowReport, ReportFinding } from '../engine/report/report-format.ts';

/** The provider line under the run's header, once: "Provider: recognised as … from …". */
export function providerHeadline(report: FlowReport): string[] {
  return report.provider ? [`Provider: ${report.provider.evidence} (${report.provider.docs})`] : [];
}

/** Under a finding a provider explains: the cause with that provider, and the fix to apply there. */
export function providerFindingLines(finding: ReportFinding, indent: string): string[] {
  const explained = finding.provider;
  if (!explained) return [];
  return [`${indent}with ${explained.provider}: ${explained.cause}`, `${indent}fix with ${explained.provider}: ${explained.fix} (${explained.docs})`];
}
