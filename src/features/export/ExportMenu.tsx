import { useId, useState } from 'react';
import type { FlowSession } from '../../engine/model/session.ts';

const BUTTON =
  'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-semibold text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-300';

/** Export the run as HAR or as the JSON report; secrets are redacted unless the user ticks the box. */
export function ExportMenu({ session }: { session: FlowSession }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const warningId = useId();
  return (
    <div role="group" aria-label="Export this run" className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        data-testid="export-har"
        className={BUTTON}
        onClick={() => void exportFiles().then(({ downloadHar }) => downloadHar(session, { includeSecrets }))}
      >
        Export HAR
      </button>
      <button
        type="button"
        data-testid="export-report"
        className={BUTTON}
        onClick={() => void exportFiles().then(({ downloadReport }) => downloadReport(session, { includeSecrets }))}
      >
        Export report (JSON)
      </button>
      <label className="flex items-center gap-1.5 text-xs text-slate-600">
        <input
          type="checkbox"
          data-testid="include-secrets"
          className="h-3.5 w-3.5 accent-sky-700"
          checked={includeSecrets}
          onChange={(event) => setIncludeSecrets(event.target.checked)}
          {...(includeSecrets ? { 'aria-describedby': warningId } : {})}
        />
        Include secrets (tokens, codes, client secrets)
      </label>
      {includeSecrets && (
        <p id={warningId} className="basis-full text-xs font-medium text-amber-800">
          ⚠ The files will hold live credentials: anyone you share them with can use them until they expire.
        </p>
      )}
    </div>
  );
}

/** The HAR and report writers load on first use, which keeps them out of the first load. */
const exportFiles = () => import('./export-files.ts');
