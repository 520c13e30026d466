import { useState } from 'react';
import type { ToolSummary } from '../../engine/model/session.ts';
import type { ToolCallResult } from '../../engine/flow/tool-call-flow.ts';
import { exampleArguments } from '../../engine/mcp/example-arguments.ts';

interface Props {
  tool: ToolSummary;
  onCall(args: Record<string, unknown>): Promise<ToolCallResult>;
  disabled: boolean;
}

/** One tool: its arguments as editable JSON, a Call button, and what came back (as text). */
export function ToolCard({ tool, onCall, disabled }: Props) {
  const [text, setText] = useState(() => JSON.stringify(exampleArguments(tool.inputSchema), null, 2));
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const call = async () => {
    let args: unknown;
    try {
      args = JSON.parse(text);
    } catch (error) {
      setOutcome({ ok: false, text: `The arguments are not valid JSON: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    if (!args || typeof args !== 'object' || Array.isArray(args)) {
      setOutcome({ ok: false, text: 'The arguments must be a JSON object.' });
      return;
    }
    const result = await onCall(args as Record<string, unknown>);
    setOutcome({ ok: result.ok, text: result.result !== undefined ? JSON.stringify(result.result, null, 2) : (result.error ?? 'No result.') });
  };
  return (
    <li className="rounded-md border border-slate-200 bg-white p-2" data-testid="tool" data-tool={tool.name}>
      <div className="flex items-start gap-2">
        <div className="min-w-0 flex-1">
          <code className="font-semibold">{tool.name}</code>
          {tool.description && <p className="text-xs text-slate-600">{tool.description}</p>}
        </div>
        <button
          type="button"
          onClick={call}
          disabled={disabled}
          className="rounded-md bg-emerald-700 px-3 py-1 text-xs font-semibold text-white hover:bg-emerald-800 disabled:opacity-50"
        >
          Call {tool.name}
        </button>
      </div>
      <label className="mt-1 block text-xs text-slate-600">
        Arguments (JSON)
        <textarea
          aria-label={`Arguments for ${tool.name}`}
          className="mt-1 block h-16 w-full rounded border border-slate-300 p-1 font-mono text-xs"
          spellCheck={false}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      {outcome && (
        <pre
          data-testid="tool-result"
          data-ok={outcome.ok}
          className={`mt-1 max-h-40 overflow-auto rounded p-1 font-mono text-xs break-all whitespace-pre-wrap ${outcome.ok ? 'bg-emerald-50 text-emerald-950' : 'bg-red-50 text-red-900'}`}
        >
          {outcome.text}
        </pre>
      )}
    </li>
  );
}
