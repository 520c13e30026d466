import type { ClientMetadata, Configuration } from 'oidc-provider';
import { PRE_REGISTERED_CLIENT_ID } from '../catalog.ts';

/**
 * Entra ID or Okta style: no dynamic client registration, one public client set up by an admin.
 * As a native client its loopback redirect URIs match on any port (RFC 8252 §7.3), so the app (its
 * callback.html page at the host root) and a CLI's callback listener (/callback) both fit.
 */
export function withoutRegistration(appOrigin: string): (configuration: Configuration) => Configuration {
  const client: ClientMetadata = {
    client_id: PRE_REGISTERED_CLIENT_ID,
    client_name: 'MCP Auth Flow (pre-registered)',
    application_type: 'native',
    redirect_uris: [...new Set([`${appOrigin}/callback.html`, 'http://localhost/callback', 'http://127.0.0.1/callback'])],
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'none',
  };
  return (configuration) => ({
    ...configuration,
    clients: [client],
    features: { ...configuration.features, registration: { enabled: false } },
  });
}
