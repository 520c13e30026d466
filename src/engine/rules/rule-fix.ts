import type { Rule } from './rule.ts';

/** Where a fix text is read: the terminal, the browser app, or docs/rules.md (which serves both). */
export type Surface = 'cli' | 'app' | 'docs';

/**
 * The settings a fix may tell the user to change, as each surface names them. A catalog fix names
 * one as `{client-id}`; the CLI prints the flag, the app the form field, the docs both.
 */
export const SETTING_NAMES = {
  'server-url': { cli: 'the server URL argument', app: 'the MCP server URL field' },
  'client-id': { cli: '`--client-id`', app: 'the Client id field' },
  scope: { cli: '`--scope`', app: 'the Scope override field' },
  spec: { cli: '`--spec`', app: 'the Spec version menu' },
  timeout: { cli: '`--timeout`', app: 'the Timeout field' },
} as const satisfies Record<string, Record<Exclude<Surface, 'docs'>, string>>;

export type SettingName = keyof typeof SETTING_NAMES;

const PLACEHOLDER = /\{([a-z-]+)\}/g;

/** The rule's fix as the surface says it. An unknown placeholder stays as written (a test keeps the catalog free of them). */
export function ruleFix(rule: Pick<Rule, 'fix'>, surface: Surface): string {
  return rule.fix.replace(PLACEHOLDER, (placeholder, name: string) => {
    const names = (SETTING_NAMES as Partial<Record<string, Record<Exclude<Surface, 'docs'>, string>>>)[name];
    if (!names) return placeholder;
    return surface === 'docs' ? `${names.cli} in the CLI, ${names.app} in the app` : names[surface];
  });
}

/** The placeholders a fix uses that no setting answers to. */
export function unknownPlaceholders(rule: Pick<Rule, 'fix'>): string[] {
  return [...rule.fix.matchAll(PLACEHOLDER)].map((match) => match[1]!).filter((name) => !(name in SETTING_NAMES));
}
