import type { TraceSource } from '../../engine/export/import-trace.ts';
import type { FlowSession } from '../../engine/model/session.ts';

/** A trace opened from a file: the session to show, what kind of file, what the import cut, and the file's name. */
export interface ImportedTrace {
  session: FlowSession;
  source: TraceSource;
  notices: string[];
  fileName: string;
}
