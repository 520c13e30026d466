import type { RelayReport } from '../../engine/model/relay-report.ts';
import { findRule } from '../../engine/rules/catalog.ts';
import { SEVERITY_STYLE } from '../../ui/status.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';

/** Column 3: each thing a browser refuses: the rule, the header line that fixes it (first: it is the answer), then why. */
export function VerdictColumn({ report }: { report: RelayReport }) {
  const absent = report.needed.filter((header) => !header.sent);
  return (
    <section className="min-w-0 space-y-2 rounded border border-slate-200 p-2" aria-label="Verdict">
      <h4 className="text-xs font-bold text-slate-700">Verdict</h4>
      {report.verdicts.length === 0 && <p className="text-xs text-emerald-800">A browser would accept this answer: nothing CORS-related is wrong.</p>}
      {report.verdicts.map((verdict) => {
        const severity = findRule(verdict.ruleId)?.severity ?? 'error';
        const style = SEVERITY_STYLE[severity];
        return (
          <article
            key={`${verdict.ruleId}-${verdict.headerLine ?? ''}`}
            className={`space-y-1 rounded border p-1.5 ${style.className}`}
            data-testid="relay-verdict"
            data-rule-id={verdict.ruleId}
          >
            <p className="text-xs">
              <span className="font-bold">
                {style.icon} {style.label}
              </span>{' '}
              <code className="rounded bg-white/70 px-1">{verdict.ruleId}</code>
            </p>
            {verdict.headerLine && (
              <div className="flex flex-wrap items-start gap-1">
                <pre
                  className="min-w-0 flex-1 overflow-x-auto rounded bg-white/80 p-1 font-mono text-[11px] whitespace-pre-wrap [overflow-wrap:anywhere]"
                  data-testid="relay-header-line"
                >
                  <code>{verdict.headerLine}</code>
                </pre>
                <CopyButton text={verdict.headerLine} label="Copy" />
              </div>
            )}
            <p className="text-xs break-words">{verdict.detail}</p>
          </article>
        );
      })}
      {absent.map((header) => (
        <p key={header.name} className="text-xs text-slate-700">
          The server sent no {header.name} at all: that is not a CORS problem, the header is missing.
        </p>
      ))}
    </section>
  );
}
