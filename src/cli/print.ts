import type { FlowReport } from '../engine/report/report-format.ts';
import type { StepStatus } from '../engine/model/step.ts';
import { EXIT_UNREACHABLE, type ToolCallOutcome } from './exit-code.ts';
import { providerFindingLines, providerHeadline } from './print-provider.ts';

/** Status as a symbol and a word, so it reads without colour. */
const STATUS_SYMBOL: Record<StepStatus, string> = {
  ok: '✓',
  warning: '!',
  failed: '✗',
  blocked: '⊘',
  skipped: '-',
  pending: '·',
  running: '…',
};

export interface RunSummary {
  /** The redacted report: the terminal (and any log it goes to) never sees a token either. */
  report: FlowReport;
  toolCall?: ToolCallOutcome;
  /** Why no tool was called, when none was. */
  toolCallSkipped?: string;
  exitCode: number;
  /** --browser-origin, when the run judged every exchange as a browser at that origin. */
  browserOrigin?: string;
}

/** The human-readable result: steps, the tool call, findings with their fix, and the verdict. Plain text. */
export function formatRun({ report, toolCall, toolCallSkipped, exitCode, browserOrigin }: RunSummary): string {
  const lines: string[] = [];
  const auto = report.settings.autoVersion ? ' (chosen automatically)' : '';
  const browser = browserOrigin ? ` · as a browser at ${browserOrigin}` : '';
  lines.push(`${report.generator.name} ${report.generator.version} · ${report.server} · spec ${report.specVersion}${auto}${browser}`);
  lines.push(...providerHeadline(report));
  if (report.offSpec) lines.push('Off-spec: the run went on past an error a conforming client stops at (--continue-on-error).');
  lines.push('', 'Steps');
  for (const step of report.steps) {
    const summary = step.summary ? ` — ${oneLine(step.summary)}` : step.status === 'pending' ? ' — not run' : '';
    lines.push(`  ${STATUS_SYMBOL[step.status] ?? '?'} ${step.title}${step.offSpec ? ' (off-spec)' : ''}${summary}`);
  }

  if (toolCall) {
    lines.push('', 'Tool call');
    // A result with isError failed too, but the server's own text says why: show it, not only that it failed.
    const said = toolCall.result !== undefined ? describeResult(toolCall.result) : oneLine(toolCall.error ?? 'failed');
    lines.push(`  ${toolCall.ok ? '✓' : '✗'} ${toolCall.name}: ${said}`);
  } else if (toolCallSkipped) {
    lines.push('', 'Tool call', `  - ${toolCallSkipped}`);
  }

  lines.push('', report.findings.length ? `Findings (${report.findings.length})` : 'Findings: none');
  const toldAbove = new Map<string, string>();
  for (const finding of report.findings) {
    lines.push(`  ${finding.severity.padEnd(7)} ${finding.ruleId}: ${oneLine(finding.detail)}`);
    // The provider's fix comes first: it is the lever the developer has; the rule's own fix is then the general case.
    const deviation = finding.provider?.deviation;
    lines.push(...providerFindingLines(finding, '          ', deviation === undefined ? undefined : toldAbove.get(deviation)));
    if (deviation !== undefined && !toldAbove.has(deviation)) toldAbove.set(deviation, finding.ruleId);
    if (finding.fix) lines.push(`          ${finding.provider ? 'fix in general' : 'fix'}: ${finding.fix}`);
    if (finding.stricterThanSdk) lines.push(`          stricter than the SDK: ${finding.stricterThanSdk}`);
    if (finding.link) lines.push(`          see: ${finding.link}`);
  }

  lines.push('', `Result: ${verdict(report, toolCall, exitCode)} (exit ${exitCode})`);
  // Each entry is one line: server text cannot start a line of its own (a fake "Result:") or reorder one.
  return terminalSafe(lines.map(singleLine).join('\n')) + '\n';
}

/**
 * Server text goes to a terminal: control characters (NUL, ESC sequences that recolour or retitle
 * the terminal, a CR that overwrites the line) are shown as \xNN instead of acting. Newlines stay.
 */
/** Line breaks become spaces, and bidirectional controls (which can make a line read in another order) are shown as \\u escapes. */
function singleLine(line: string): string {
  return line
    .replace(/[\r\n\u2028\u2029\u0085]/g, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function terminalSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are exactly the control characters a terminal would act on
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function verdict(report: FlowReport, toolCall: ToolCallOutcome | undefined, exitCode: number): string {
  if (exitCode === EXIT_UNREACHABLE) return 'the server could not be reached: nothing came back';
  const errors = report.findings.filter((finding) => finding.severity === 'error').length;
  if (report.status !== 'done') return `the flow ${report.status === 'failed' ? 'failed' : `stopped (${report.status})`}`;
  if (report.offSpec) return 'the flow completed off-spec, past an error a conforming client stops at';
  if (toolCall && !toolCall.ok) return 'authenticated, but the tool call failed';
  if (errors) return `the flow completed, with ${errors} error finding${errors === 1 ? '' : 's'}`;
  return 'the flow completed';
}

/** A tool result in a line: its text content when it has some, else compact JSON. */
function describeResult(result: unknown): string {
  const content = (result as { content?: unknown } | undefined)?.content;
  const texts = Array.isArray(content)
    ? content.flatMap((part) =>
        part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string' ? [(part as { text: string }).text] : [],
      )
    : [];
  const isError = (result as { isError?: unknown } | undefined)?.isError === true;
  const text = texts.length ? texts.join(' ') : (JSON.stringify(result) ?? 'no result');
  return `${isError ? 'tool error: ' : ''}${truncate(oneLine(text), 200)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
