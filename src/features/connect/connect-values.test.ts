import { describe, expect, it } from 'vitest';
import { toFlowSettings, type ConnectValues } from './connect-values.ts';

const values: ConnectValues = { server: 'https://mcp.example.com/mcp', spec: 'auto', timeoutSeconds: 30, registration: { mode: 'auto' }, scopeOverride: '' };

describe('the redirect URI', () => {
  it('is the callback.html file beside the app, so a host without an SPA fallback serves it', () => {
    expect(toFlowSettings(values, 'http://localhost:5173/').redirectUri).toBe('http://localhost:5173/callback.html');
  });

  it('stays under the sub-path the app is served from', () => {
    expect(toFlowSettings(values, 'https://octo.github.io/mcp-auth-flow/').redirectUri).toBe('https://octo.github.io/mcp-auth-flow/callback.html');
  });
});
