import { useMemo, useState } from 'react';
import { BODY_DISPLAY_STEP, bodyDisplay, displayedPart } from './body-display.ts';

interface Props {
  body: string;
  contentType: string | null;
  view: 'pretty' | 'raw';
  testId: string;
  /** Said under the body when the recording holds only part of it. */
  truncatedNote?: string | undefined;
}

/**
 * A body, always as text: server-controlled content is never interpreted as HTML. Laying out a
 * multi-megabyte text node freezes the tab on every render, so only the first part is shown, with a
 * button that shows more in bounded steps; the formatting is computed once per body and view.
 */
export function BodyView({ body, contentType, view, testId, truncatedNote }: Props) {
  const [shownChars, setShownChars] = useState(BODY_DISPLAY_STEP);
  const { text, rawNote } = useMemo(() => bodyDisplay(body, contentType, view), [body, contentType, view]);
  if (!body) return <p className="text-xs italic text-slate-500">Empty body.</p>;
  const { shown, cutNote } = displayedPart(text, shownChars);
  return (
    <div>
      <pre
        data-testid={testId}
        className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-900 p-2 font-mono text-xs leading-relaxed [overflow-wrap:anywhere] whitespace-pre-wrap text-slate-100"
      >
        {shown}
      </pre>
      {rawNote && <p className="mt-1 text-xs text-slate-700">{rawNote}</p>}
      {cutNote && (
        <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-slate-700" data-testid={`${testId}-display-cut`}>
          {cutNote}
          <button
            type="button"
            onClick={() => setShownChars((chars) => chars + BODY_DISPLAY_STEP)}
            className="rounded border border-slate-300 bg-white px-2 py-0.5 font-semibold text-slate-700 hover:bg-slate-100"
          >
            Show {(BODY_DISPLAY_STEP / 1024).toLocaleString('en-US')} K more
          </button>
        </p>
      )}
      {truncatedNote && (
        <p className="mt-1 text-xs text-amber-800" data-testid={`${testId}-record-cut`}>
          {truncatedNote}
        </p>
      )}
    </div>
  );
}
