import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../engine/model/finding.ts';
import { FindingCard } from './FindingCard.tsx';

const finding = (ruleId: string): Finding => ({ id: 'f1', ruleId, severity: 'error', stepId: 'as-discovery', detail: 'seen here' });
function render(ruleId: string): string {
  const props = { finding: finding(ruleId), specVersion: '2026-07-28' as const, onSelect: () => undefined };
  return renderToStaticMarkup(<FindingCard {...props} />);
}

describe('a finding card', () => {
  it('says where the rule is stricter than the official SDK clients, and that they accept it', () => {
    const html = render('as.pkce-methods-absent');
    expect(html).toContain('data-testid="finding-stricter-than-sdk"');
    expect(html).toContain('Stricter than the SDK: </span>The official SDK clients go on with S256 when code_challenge_methods_supported is absent');
  });

  it('says nothing of the SDK where the SDK clients refuse too', () => {
    expect(render('as.pkce-s256-missing')).not.toContain('Stricter than the SDK');
  });
});
