import type { SpecVersion } from './versions.ts';

/**
 * What a run speaks unless told otherwise, in the CLI, the connect form and a shared link: auto.
 * Most deployed servers speak a 2025 version (initialize and sessions); a fixed latest version
 * fails them at the first authenticated request, for a reason that has nothing to do with auth.
 */
export const DEFAULT_SPEC_CHOICE: SpecVersion | 'auto' = 'auto';
