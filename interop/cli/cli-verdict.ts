import { parseCommandLine } from '../../src/cli/args.ts';
import { runCli } from '../../src/cli/run.ts';
import type { FlowReport } from '../../src/engine/report/report-format.ts';

/** What a run of the CLI concluded: the exit code, the flow's status, the first step that did not pass (`kind (status)`), and the rule ids raised. */
export interface CliVerdict {
  exitCode: number;
  status: FlowReport['status'];
  failingStep: string | undefined;
  ruleIds: string[];
  report: FlowReport;
}

/**
 * Runs the real CLI in this process (`mcp-auth-flow <url> --json …`). `person` stands in for the one
 * who would log in: the CLI hands it the URL it would open in the system browser.
 */
export async function runCliAgainst(url: string, extraArgs: string[] = [], person?: (url: string) => void): Promise<CliVerdict> {
  const parsed = parseCommandLine([url, '--json', ...extraArgs]);
  if (parsed.kind !== 'run') throw new Error(`Bad command line: ${JSON.stringify(parsed)}`);
  let stdout = '';
  const exitCode = await runCli(parsed.options, {
    stdout: (text) => (stdout += text),
    stderr: () => undefined,
    openBrowser:
      person ??
      (() => {
        throw new Error('No one is here to log in: this server should have approved at once.');
      }),
  });
  const report = JSON.parse(stdout) as FlowReport;
  return {
    exitCode,
    status: report.status,
    failingStep: failingStep(report),
    ruleIds: [...new Set(report.findings.map((finding) => finding.ruleId))].sort(),
    report,
  };
}

function failingStep(report: FlowReport): string | undefined {
  const step = report.steps.find((candidate) => candidate.status === 'failed' || candidate.status === 'blocked');
  return step && `${step.kind} (${step.status})`;
}
