import { useState } from 'react';
import type { FlowSession } from '../engine/session/types.ts';
import { ExportMenu } from '../features/export/ExportMenu.tsx';
import { ImportButton } from '../features/export/ImportButton.tsx';

interface Props {
  session: FlowSession | null;
  onImport(session: FlowSession, source: string): void;
  onError(message: string): void;
}

/** Export this run, or open a saved one, from one small menu so the controls stay on one line. */
export function TraceMenu({ session, onImport, onError }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100"
      >
        Export / import
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-1 w-[26rem] max-w-[90vw] space-y-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xl" data-testid="trace-menu">
          {session ? (
            <ExportMenu session={session} />
          ) : (
            <p className="text-xs text-slate-500">Run the flow to export it as HAR or as a JSON report.</p>
          )}
          <div className="border-t border-slate-200 pt-3">
            <ImportButton
              onImport={(imported, source) => {
                setOpen(false);
                onImport(imported, source);
              }}
              onError={(message) => {
                setOpen(false);
                onError(message);
              }}
            />
          </div>
        </div>
      )}
    </div>
  );
}
