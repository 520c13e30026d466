import { SPEC_VERSIONS } from '../spec/versions.ts';
import { trimEnd } from '../text/trim-end.ts';
import { RULES } from './catalog.ts';
import type { Rule } from './rule.ts';
import { ruleFix } from './rule-fix.ts';

/** Headings for the areas (the id prefix before the dot); an area not listed here is headed by its prefix. */
const AREA_TITLES: Readonly<Record<string, string>> = {
  http: 'Transport',
  cors: 'CORS, as the relay explains it',
  authorize: 'The authorization request',
  mcp: 'MCP requests',
  challenge: 'The WWW-Authenticate challenge',
  prm: 'Protected resource metadata',
  metadata: 'Any metadata document',
  as: 'Authorization server metadata',
  registration: 'Client registration',
  scope: 'Scope selection',
  callback: 'The authorization callback',
  token: 'The token response',
  oauth: 'Any OAuth endpoint response',
  refresh: 'Refresh',
  stepup: 'Step-up authorization',
  audit: 'Token validation audit',
  version: 'Spec version choice',
};

export function areaOf(rule: Pick<Rule, 'id'>): string {
  return rule.id.split('.')[0] ?? rule.id;
}

/**
 * The rule catalog as Markdown (docs/rules.md). Areas appear in the order the catalog first
 * mentions them (roughly the order of the flow), rules in catalog order within an area, so the
 * output depends on the catalog alone.
 */
export function renderRulesDoc(rules: readonly Rule[] = RULES): string {
  const areas = new Map<string, Rule[]>();
  for (const rule of rules) {
    const area = areaOf(rule);
    areas.set(area, [...(areas.get(area) ?? []), rule]);
  }
  const lines: string[] = [
    '# Rule catalog',
    '',
    `Every finding MCP Auth Flow reports comes from one of the ${rules.length} rules below. Each rule has a stable id, ` +
      'a severity that follows the spec’s word (error for a MUST that is broken, warning for a SHOULD, info for something worth knowing), ' +
      'the spec versions it applies to, a link to the spec section or RFC it comes from, what is wrong, and how to fix it. ' +
      'The app, the CLI and the tests read the same catalog (`src/engine/rules/catalog.ts`). ' +
      'This file is generated from it: do not edit it by hand, run `npm run rules:doc` instead.',
    '',
    '| Area | Rules |',
    '| --- | --- |',
    ...[...areas].map(([area, list]) => `| [${titleOf(area)}](#${anchorOf(area)}) | ${list.length} |`),
  ];
  for (const [area, list] of areas) {
    lines.push('', `## ${titleOf(area)}`, '');
    for (const rule of list) lines.push(...renderRule(rule));
  }
  return `${trimEnd(lines.join('\n'), '\n')}\n`;
}

function renderRule(rule: Rule): string[] {
  return [
    `### \`${rule.id}\``,
    '',
    `- **Severity:** ${rule.severity}`,
    `- **Versions:** ${renderVersions(rule.versions)}`,
    `- **Problem:** ${escapeMarkdown(rule.problem)}`,
    `- **Fix:** ${escapeMarkdown(ruleFix(rule, 'docs'))}`,
    ...(rule.stricterThanSdk ? [`- **Stricter than the SDK:** ${escapeMarkdown(rule.stricterThanSdk)}`] : []),
    `- **Spec:** <${rule.link}>`,
    '',
  ];
}

function titleOf(area: string): string {
  const title = AREA_TITLES[area];
  return title ? `${title} (\`${area}.*\`)` : `\`${area}.*\``;
}

/** The anchor GitHub derives from the heading `titleOf(area)`. */
function anchorOf(area: string): string {
  return titleOf(area)
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}

function renderVersions(versions: readonly string[]): string {
  // In the catalog's own order, which is oldest first; "all" only when every known version applies.
  const ordered = SPEC_VERSIONS.filter((version) => versions.includes(version));
  const unknown = versions.filter((version) => !(SPEC_VERSIONS as readonly string[]).includes(version));
  const list = [...ordered, ...unknown].join(', ');
  return ordered.length === SPEC_VERSIONS.length && !unknown.length ? `all (${list})` : list;
}

/** Angle brackets outside `code spans` would be read as HTML; everything else is left as written. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`]*`)/)
    .map((part) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}
