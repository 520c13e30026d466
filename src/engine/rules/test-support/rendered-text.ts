import { findRule } from '../catalog.ts';
import { ruleFix } from '../rule-fix.ts';
import type { FlowSession } from '../../model/session.ts';
import { stepTitle } from '../../steps/step-title.ts';

/**
 * Words that only reach a user when code was printed instead of a sentence: "aud is undefined",
 * "expires in NaN s", "got [object Object]". `null` is different: a server may really send it
 * (`"client_secret_expires_at": null`), and quoting the body is right. So `null` counts as a leak
 * only where it is not quoted: right after a JSON key's colon, inside quotes or backticks, or
 * named as "JSON null", it is the server's own value and stays.
 */
/** The app's words for its form (a field, a menu, the settings…): none of them means anything in a terminal. */
export const FORM_WORDS = /\b(the [a-z ]+ (field|menu)|settings|button|checkbox|dialog|dropdown)\b/i;

const LEAK = /\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/g;

export function codeLeaks(text: string): string[] {
  const leaks: string[] = [];
  for (const match of text.matchAll(LEAK)) {
    if (match[0] === 'null' && quotedJsonNull(text, match.index)) continue;
    leaks.push(match[0]);
  }
  return leaks;
}

/** `"key": null`, `[null`, `, null`, `"null"`, `` `null` ``, `JSON null`: the server's JSON value, quoted or named. */
function quotedJsonNull(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 3), at).trimEnd();
  const after = text.charAt(at + 4);
  const wrapped = (open: string) => before.endsWith(open) && after === open;
  return /[:[,]$/.test(before) || text.slice(0, at).endsWith('JSON ') || wrapped('"') || wrapped('`') || wrapped("'");
}

/**
 * Every text of a run a user reads, with where it is: each finding's problem, fix and detail, each
 * step's title, summary and notes. Returns "where: text" for each text that leaks code.
 */
export function renderedTextLeaks(session: FlowSession): string[] {
  const texts: Array<[string, string]> = [];
  for (const finding of session.findings) {
    const rule = findRule(finding.ruleId);
    texts.push([`${finding.ruleId} detail`, finding.detail]);
    if (rule)
      texts.push(
        [`${finding.ruleId} problem`, rule.problem],
        [`${finding.ruleId} CLI fix`, ruleFix(rule, 'cli')],
        [`${finding.ruleId} app fix`, ruleFix(rule, 'app')],
      );
  }
  for (const step of session.steps) {
    texts.push([`step ${step.id} title`, stepTitle(step)]);
    if (step.summary !== undefined) texts.push([`step ${step.id} summary`, step.summary]);
    step.notes.forEach((note, index) => texts.push([`step ${step.id} note ${index + 1}`, note]));
  }
  return texts.filter(([, text]) => codeLeaks(text).length > 0).map(([where, text]) => `${where}: ${text}`);
}
