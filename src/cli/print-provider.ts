import type { FlowReport, ReportFinding } from '../engine/report/report-format.ts';

/** The provider line under the run's header, once: "Provider: recognised as … from …". */
export function providerHeadline(report: FlowReport): string[] {
  return report.provider ? [`Provider: ${report.provider.evidence} (${report.provider.docs})`] : [];
}

/** Under a finding a provider explains: the cause with that provider, and the fix to apply there. */
export function providerFindingLines(finding: ReportFinding, indent: string, explainedAbove?: string): string[] {
  const explained = finding.provider;
  if (!explained) return [];
  // One deviation explaining several findings is told once, on the first (src/ui/provider-repeats.ts does the same in the app).
  if (explainedAbove) return [`${indent}with ${explained.provider}: the same cause as ${explainedAbove} above, and the same fix`];
  return [`${indent}with ${explained.provider}: ${explained.cause}`, `${indent}fix with ${explained.provider}: ${explained.fix} (${explained.docs})`];
}
