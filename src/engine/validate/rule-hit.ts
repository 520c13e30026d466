import { getRule, type RuleId } from '../rules/catalog.ts';
import type { SpecVersion } from '../spec/versions.ts';

/** A rule broken by a document, with what exactly was seen; a step turns it into a Finding. */
export interface RuleHit {
  ruleId: RuleId;
  /** One plain-text sentence naming the concrete values. */
  detail: string;
}

export function hit(ruleId: RuleId, detail: string): RuleHit {
  return { ruleId, detail };
}

/** Keeps the hits whose rule applies to `version` (the catalog's `versions`). */
export function hitsForVersion(hits: readonly RuleHit[], version: SpecVersion): RuleHit[] {
  return hits.filter((h) => getRule(h.ruleId).versions.includes(version));
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** "an array", "null", "a number": for details that say what a value is instead of what it should be. */
export function describeJsonType(value: unknown): string {
  // Named as the server's JSON value, so it never reads like our own code printing null.
  if (value === null) return 'JSON null';
  if (value === undefined) return 'missing';
  if (Array.isArray(value)) return 'an array';
  const type = typeof value;
  return type === 'object' ? 'an object' : `a ${type}`;
}

/** The type and the value ("an object ({"a":1})"); JSON null once, as the value is the type. */
export function describeJsonValue(value: unknown): string {
  return value === null ? describeJsonType(value) : `${describeJsonType(value)} (${showValue(value)})`;
}

const MAX_SHOWN = 200;

/**
 * A value shown exactly, as JSON: strings are quoted so a trailing slash or space is visible,
 * and control characters are escaped. Long values are cut.
 */
export function showValue(value: unknown): string {
  let shown: string;
  try {
    shown = JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  return shown.length > MAX_SHOWN ? `${shown.slice(0, MAX_SHOWN)}…` : shown;
}
