import type { Challenge } from '../model/challenge.ts';

export interface ChallengeParseResult {
  challenges: Challenge[];
  /** Problems met while parsing, in plain words; parsing goes on past them where it can. */
  errors: string[];
  /**
   * Schemes separated from their parameters by a TAB. RFC 9110 §11.6.1 asks for `1*SP` there (only
   * SP, unlike the OWS elsewhere); the parser reads on, and the step raises a warning.
   */
  tabAfterScheme?: string[];
}
