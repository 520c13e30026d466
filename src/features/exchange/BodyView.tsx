import { prettyBody } from './format-body.ts';

interface Props {
  body: string;
  contentType: string | null;
  view: 'pretty' | 'raw';
  testId: string;
  truncatedNote?: string;
}

/** A body, always as text: server-controlled content is never interpreted as HTML. */
export function BodyView({ body, contentType, view, testId, truncatedNote }: Props) {
  if (!body) return <p className="text-xs italic text-slate-500">Empty body.</p>;
  const shown = view === 'pretty' ? prettyBody(body, contentType).text : body;
  return (
    <div>
      <pre
        data-testid={testId}
        className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-900 p-2 font-mono text-xs leading-relaxed break-all whitespace-pre-wrap text-slate-100"
      >
        {shown}
      </pre>
      {truncatedNote && <p className="mt-1 text-xs text-amber-800">{truncatedNote}</p>}
    </div>
  );
}
