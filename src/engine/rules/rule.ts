import type { Severity } from '../model/finding.ts';
import type { SpecVersion } from '../spec/versions.ts';

export interface Rule {
  /** Stable id, `area.what`, e.g. `prm.resource-mismatch`. Never renamed once shipped. */
  id: string;
  severity: Severity;
  /** The spec versions the rule applies to. */
  versions: readonly SpecVersion[];
  /** The spec section (or RFC) the rule comes from. */
  link: string;
  /** One sentence: what is wrong. */
  problem: string;
  /** One sentence: how to fix it. */
  fix: string;
  /**
   * Where this rule is stricter than the official SDK clients (client/auth.js of
   * @modelcontextprotocol/sdk): what they do instead, so a user sees why SDK clients accept what we flag.
   */
  stricterThanSdk?: string;
}
