import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConnectValues } from './connect-values.ts';
import { ConnectBar } from './ConnectBar.tsx';

const SERVER = 'https://bot:userinfo-password-1@mcp.example.com/mcp?apikey=sk_live_abcdef&tenant=acme';
const values: ConnectValues = { server: SERVER, spec: 'auto', timeoutSeconds: 15, registration: { mode: 'auto' }, scopeOverride: '' };
const noop = () => undefined;

function render(maskCredentials: boolean, server = SERVER): string {
  return renderToStaticMarkup(
    <ConnectBar
      values={{ ...values, server }}
      onChange={noop}
      onRunAll={noop}
      onNext={noop}
      onReset={noop}
      busy={false}
      canContinue={false}
      shareLink=""
      relay={null}
      maskCredentials={maskCredentials}
    />,
  );
}

describe('ConnectBar in presenter mode', () => {
  it('shows the server URL without its userinfo and credential-like query values, read-only', () => {
    const html = render(true);
    for (const secret of ['bot', 'userinfo-password-1', 'sk_live_abcdef']) expect(html).not.toContain(secret);
    expect(html).toContain('value="https://[redacted]@mcp.example.com/mcp?apikey=[redacted]&amp;tenant=acme"');
    expect(html).toContain('readOnly=""');
    expect(html).toContain('Credentials hidden in presenter mode');
  });

  it('leaves a URL without credentials editable', () => {
    const html = render(true, 'https://mcp.example.com/mcp?tenant=acme');
    expect(html).toContain('value="https://mcp.example.com/mcp?tenant=acme"');
    expect(html).not.toContain('readOnly');
  });

  it('shows the URL as typed outside presenter mode', () => {
    expect(render(false)).toContain(`value="${SERVER.replace('&', '&amp;')}"`);
  });
});
