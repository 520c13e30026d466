import { escapeMarkdown } from '../rules/rules-doc.ts';
import { trimEnd } from '../text/trim-end.ts';
import { PROVIDERS } from './catalog.ts';
import type { ProviderProfile } from './profile.ts';
import type { Seen } from './seen.ts';

/** A run that saw nothing: the fixes render with their placeholders (<app-id>, {tenant}, your redirect URI). */
const NOTHING_SEEN: Seen = { issuers: [], said: [] };

/** The provider catalog as Markdown (docs/providers.md), in catalog order, so the output depends on the catalog alone. */
export function renderProvidersDoc(profiles: readonly ProviderProfile[] = PROVIDERS): string {
  const lines: string[] = [
    '# Identity providers',
    '',
    'Most MCP servers put a mainstream identity provider behind their resource metadata, and each provider departs from the MCP ' +
      'authorization flow in its own known way that the developer cannot change at the provider. MCP Auth Flow recognises the ' +
      'providers below from what a run saw, and shows the one it recognised once at the top of the run, with the evidence. ' +
      'A provider is recognised on one strong signal (a real hostname, an error code only it sends) or two path shapes, never on less. ' +
      'When a finding fires and the provider explains it, the finding keeps its rule and gains a cause and fix for that provider ("With Microsoft Entra ID: …"), ' +
      'in the app, the CLI output and the JSON report (`provider` on the report and on each explained finding). ' +
      'This file is generated from `src/engine/providers/catalog.ts`: do not edit it by hand, run `npm run rules:doc` instead (it writes docs/rules.md too).',
    '',
    ...profiles.map(
      (profile) =>
        `- [${profile.name}](#${anchorOf(profile.name)}): ${profile.deviations.length} known ${profile.deviations.length === 1 ? 'deviation' : 'deviations'}`,
    ),
  ];
  for (const profile of profiles) lines.push('', ...renderProfile(profile));
  return `${trimEnd(lines.join('\n'), '\n')}\n`;
}

function renderProfile(profile: ProviderProfile): string[] {
  const lines = [`## ${profile.name}`, '', `Profile id \`${profile.id}\`. Provider documentation: <${profile.docs}>`, '', 'Recognised from:', ''];
  for (const signal of profile.signals) lines.push(`- ${escapeMarkdown(signal.says)}${signal.strong ? ' (strong: enough on its own)' : ''}`);
  for (const deviation of profile.deviations) {
    lines.push(
      '',
      `### \`${deviation.id}\``,
      '',
      `- **Explains:** ${deviation.rules.map((rule) => `[\`${rule}\`](rules.md#${rule.replace(/\./g, '')})`).join(', ')}`,
      `- **Cause:** ${escapeMarkdown(deviation.cause)}`,
      `- **Fix the tool gives:** ${escapeMarkdown(deviation.fix(NOTHING_SEEN))}`,
      `- **Provider docs:** <${deviation.docs}>`,
    );
  }
  return lines;
}

/** The anchor GitHub derives from a heading. */
function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
}
