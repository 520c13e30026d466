import type { FlowSession } from '../engine/model/session.ts';
import { ExportMenu } from '../features/export/ExportMenu.tsx';
import { ImportButton } from '../features/export/ImportButton.tsx';
import type { ImportedTrace } from '../features/export/imported-trace.ts';
import { Dropdown } from '../ui/Dropdown.tsx';

interface Props {
  session: FlowSession | null;
  onImport(trace: ImportedTrace): void;
  onError(message: string): void;
}

/** Export this run, or open a saved one, from one small menu so the controls stay on one line. */
export function TraceMenu({ session, onImport, onError }: Props) {
  return (
    <Dropdown label="Export / import" panelClassName="w-[26rem] space-y-3 p-3" panelTestId="trace-menu">
      {(close) => (
        <>
          {session ? <ExportMenu session={session} /> : <p className="text-xs text-slate-500">Run the flow to export it as HAR or as a JSON report.</p>}
          <div className="border-t border-slate-200 pt-3">
            <ImportButton
              onImport={(trace) => {
                close();
                onImport(trace);
              }}
              onError={(message) => {
                close();
                onError(message);
              }}
            />
          </div>
        </>
      )}
    </Dropdown>
  );
}
