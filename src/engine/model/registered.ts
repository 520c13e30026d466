/**
 * Two lists the model's types name but do not own: the spec versions (one per record in
 * spec/profiles.ts) and the rule ids (one per rule in rules/catalog.ts). The model imports
 * nothing, so those modules register their lists here by declaration merging
 * (`declare module '../model/registered.ts'`), and each type stays derived from its data:
 * adding a profile or a rule is still the only change.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging, see above
export interface Registered {}

/** A spec version this build knows (registered by spec/versions.ts). */
export type SpecVersion = Registered extends { specVersion: infer V extends string } ? V : never;

/** The id of a rule in the catalog (registered by rules/catalog.ts). */
export type RuleId = Registered extends { ruleId: infer R extends string } ? R : never;
