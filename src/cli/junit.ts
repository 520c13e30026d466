import type { ReportFinding, ReportStep } from '../engine/report/report-format.ts';
import type { RunSummary } from './print.ts';
import { xmlAttribute, xmlText } from './xml-text.ts';

interface TestCase {
  name: string;
  seconds?: number;
  failures: Array<{ type: string; message: string; body: string }>;
  skipped?: string;
  out: string[];
}

/**
 * The run as JUnit XML, the report CI systems read (GitHub Actions reporters, GitLab, Jenkins):
 * one test case per step (classname the server, name the step's title), one <failure> per error
 * finding with its rule id, what is wrong and the fix, warnings and notes in <system-out>, and
 * the steps the flow never reached as skipped. The tool call is a test case of its own. Every
 * piece of text is escaped for XML 1.0, whatever the server sent (xml-text.ts).
 */
export function formatJunit({ report, toolCall, toolCallSkipped, exitCode, browserOrigin }: RunSummary): string {
  const cases = report.steps.map((step) =>
    stepCase(
      step,
      report.findings.filter((finding) => finding.stepId === step.id),
    ),
  );
  const stepIds = new Set(report.steps.map((step) => step.id));
  const stray = report.findings.filter((finding) => !stepIds.has(finding.stepId));
  if (stray.length) cases.push(withFindings({ name: 'Findings outside a step', failures: [], out: [] }, stray));
  if (toolCall) {
    cases.push({
      name: `Call the tool ${toolCall.name}`,
      failures: toolCall.ok ? [] : [{ type: 'tool-call.failed', message: `The tool call failed: ${toolCall.error ?? 'the result has isError'}`, body: '' }],
      out: toolCall.result === undefined ? [] : [JSON.stringify(toolCall.result) ?? ''],
    });
  } else if (toolCallSkipped) {
    cases.push({ name: 'Call a tool', failures: [], skipped: toolCallSkipped, out: [] });
  }

  const failed = cases.filter((testCase) => testCase.failures.length).length;
  const skipped = cases.filter((testCase) => testCase.skipped !== undefined).length;
  const seconds = cases.reduce((sum, testCase) => sum + (testCase.seconds ?? 0), 0);
  const suiteName = `mcp-auth-flow check ${report.server}${browserOrigin ? ` as a browser at ${browserOrigin}` : ''}`;
  const counts = `tests="${cases.length}" failures="${failed}" errors="0" skipped="${skipped}" time="${seconds.toFixed(3)}"`;
  const properties: Array<[string, string]> = [
    ['server', report.server],
    ['specVersion', report.specVersion],
    ['status', report.status],
    ['exitCode', String(exitCode)],
    ...(browserOrigin ? [['browserOrigin', browserOrigin] as [string, string]] : []),
    ...(report.offSpec ? [['offSpec', 'true'] as [string, string]] : []),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-auth-flow" ${counts}>`,
    `  <testsuite name="${xmlAttribute(suiteName)}" ${counts} timestamp="${xmlAttribute(report.generatedAt)}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${name}" value="${xmlAttribute(value)}"/>`),
    '    </properties>',
    ...cases.map((testCase) => caseXml(testCase, report.server)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function stepCase(step: ReportStep, findings: ReportFinding[]): TestCase {
  const testCase: TestCase = {
    name: `${step.title}${step.offSpec ? ' (off-spec)' : ''}`,
    ...(step.startedAt !== undefined && step.endedAt !== undefined ? { seconds: (step.endedAt - step.startedAt) / 1000 } : {}),
    failures: [],
    out: [...(step.summary ? [step.summary] : []), ...step.notes],
  };
  if (step.status === 'pending' || step.status === 'skipped')
    testCase.skipped = step.status === 'pending' ? 'Not run: the flow stopped before this step.' : 'Skipped.';
  withFindings(testCase, findings);
  // A step that failed without an error finding of its own still fails its test case.
  if ((step.status === 'failed' || step.status === 'blocked') && !testCase.failures.length) {
    testCase.failures.push({ type: `step.${step.status}`, message: `${step.title}: ${step.summary ?? step.status}`, body: '' });
  }
  return testCase;
}

function withFindings(testCase: TestCase, findings: ReportFinding[]): TestCase {
  for (const finding of findings) {
    if (finding.severity === 'error') {
      testCase.failures.push({
        type: finding.ruleId,
        message: `${finding.ruleId}: ${finding.detail}${finding.fix ? ` Fix: ${finding.fix}` : ''}`,
        body: findingText(finding),
      });
    } else {
      testCase.out.push(findingText(finding));
    }
  }
  return testCase;
}

function findingText(finding: ReportFinding): string {
  return [
    `${finding.severity} ${finding.ruleId}`,
    ...(finding.problem ? [`What is wrong: ${finding.problem}`] : []),
    `Seen: ${finding.detail}`,
    ...(finding.fix ? [`Fix: ${finding.fix}`] : []),
    ...(finding.stricterThanSdk ? [`Stricter than the SDK: ${finding.stricterThanSdk}`] : []),
    ...(finding.link ? [`See: ${finding.link}`] : []),
  ].join('\n');
}

function caseXml(testCase: TestCase, classname: string): string {
  const time = testCase.seconds !== undefined ? ` time="${testCase.seconds.toFixed(3)}"` : '';
  const open = `    <testcase classname="${xmlAttribute(classname)}" name="${xmlAttribute(testCase.name)}"${time}>`;
  const children = [
    ...(testCase.skipped !== undefined ? [`      <skipped message="${xmlAttribute(testCase.skipped)}"/>`] : []),
    ...testCase.failures.map(
      (failure) => `      <failure type="${xmlAttribute(failure.type)}" message="${xmlAttribute(failure.message)}">${xmlText(failure.body)}</failure>`,
    ),
    ...(testCase.out.length ? [`      <system-out>${xmlText(testCase.out.join('\n\n'))}</system-out>`] : []),
  ];
  return children.length ? [open, ...children, '    </testcase>'].join('\n') : `${open.slice(0, -1)}/>`;
}
