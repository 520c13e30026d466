import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/model/finding.ts';
import type { ProviderExplanation } from '../engine/providers/explain.ts';
import { FindingCard } from './FindingCard.tsx';

const finding: Finding = { id: 'f1', ruleId: 'callback.error', severity: 'error', stepId: 'callback', detail: 'error=invalid_request' };
const explanation = (docs: string): ProviderExplanation => ({
  provider: 'Microsoft Entra ID',
  deviation: 'entra.resource-rejected',
  cause: 'Entra <b>v2.0</b> names the API in the scope.',
  fix: 'Request scope=api://app/.default and leave resource out.',
  docs,
});
const render = (docs: string) =>
  renderToStaticMarkup(<FindingCard finding={finding} specVersion="2026-07-28" onSelect={() => undefined} explanation={explanation(docs)} />);

describe('a finding a provider explains', () => {
  it('says "With <provider>:" with the cause and the fix, as text, and links the provider’s page', () => {
    const html = render('https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc');
    expect(html).toContain('data-testid="finding-provider"');
    expect(html).toContain('With Microsoft Entra ID: </span>Entra &lt;b&gt;v2.0&lt;/b&gt; names the API in the scope.');
    expect(html).toContain('Fix: </span>Request scope=api://app/.default and leave resource out.');
    expect(html).toContain('href="https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc"');
  });

  it('leads with the provider’s fix and calls the rule’s own fix the general case', () => {
    const html = render('https://learn.microsoft.com/en-us/entra/identity-platform/scopes-oidc');
    expect(html.indexOf('data-testid="finding-provider"')).toBeLessThan(html.indexOf('data-testid="finding-fix"'));
    expect(html).toContain('In general: </span>');
  });

  it('opens no link the URL gate refuses', () => {
    expect(render('javascript:alert(1)')).not.toContain('href="javascript');
  });

  it('shows nothing of a provider when none explains the finding', () => {
    expect(renderToStaticMarkup(<FindingCard finding={finding} specVersion="2026-07-28" onSelect={() => undefined} />)).not.toContain('With ');
  });
});
