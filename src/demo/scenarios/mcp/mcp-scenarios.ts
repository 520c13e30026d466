import type { ScenarioId } from '../catalog.ts';
import type { McpFaults } from './scenario-endpoint.ts';

/**
 * Each scenario's MCP endpoint: the healthy one with at most one thing changed. Scenarios with
 * no change here break their own authorization server instead (auth/scenario-auth-servers.ts).
 */
export const MCP_SCENARIO_FAULTS: Readonly<Record<Exclude<ScenarioId, 'healthy'>, McpFaults>> = {
  'challenge-not-exposed': { cors: 'www-authenticate-not-exposed' },
  'no-cors': { cors: 'none' },
  'preflight-needs-auth': { cors: 'after-auth' },
  'token-no-cors': {},
  'no-challenge': { challenge: 'none' },
  // The challenge cannot point at metadata whose URL the server does not know it serves.
  'prm-root-only': { metadata: 'at-root-only', challenge: 'without-resource-metadata' },
  'prm-resource-mismatch': { metadataResource: 'trailing-slash' },
  'no-dcr': {},
  'pkce-not-advertised': {},
  'issuer-mismatch': {},
  'wrong-iss': {},
  'redirect-uri-mismatch': {},
  'accepts-any-token': { tokens: 'any-accepted' },
  'step-up': { toolScopes: 'admin-on-every-tool' },
  'legacy-2025-03-26': { metadata: 'none', challenge: 'bare', protocol: '2025-03-26' },
  'html-not-json': { metadata: 'html-login-page' },
  'metadata-behind-gateway': { metadata: 'behind-gateway' },
  'never-answers': { answers: 'never' },
};
