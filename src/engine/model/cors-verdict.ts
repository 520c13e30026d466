import type { RuleId } from './registered.ts';

/** One thing a browser needs changed before it hands this exchange to the script. */
export interface CorsVerdict {
  ruleId: RuleId;
  /** Where the server must change something: its preflight answer, its response, or both. */
  on: 'preflight' | 'response' | 'both';
  /** One or two sentences, plain text: what the server sent and what a browser does with it. */
  detail: string;
  /**
   * The exact response header line to send, complete (the list as it stands plus what is
   * missing). Several lines when the whole preflight answer is wrong; absent when the fix is not
   * a header (a redirect to remove).
   */
  headerLine?: string;
}
