import type { FlowSettings, RegistrationSettings } from '../../engine/model/session.ts';
import { LATEST_SPEC_VERSION, type SpecVersion } from '../../engine/spec/versions.ts';
import { callbackUrl } from '../../ui/app-base.ts';

/** What the form holds. 'auto' lets the engine probe the server for its version. */
export interface ConnectValues {
  server: string;
  spec: SpecVersion | 'auto';
  timeoutSeconds: number;
  registration: RegistrationSettings;
  scopeOverride: string;
  /** Send every request through the local relay instead of the browser's own fetch. */
  viaRelay?: boolean;
}

/** `appBase`: the folder the app is served from (app-base.ts); the callback page sits beside it. */
export function toFlowSettings(values: ConnectValues, appBase: string): FlowSettings {
  const registration: RegistrationSettings = { mode: values.registration.mode };
  const clientId = values.registration.clientId?.trim();
  const clientSecret = values.registration.clientSecret;
  const clientMetadataUrl = values.registration.clientMetadataUrl?.trim();
  if (clientId && (values.registration.mode === 'auto' || values.registration.mode === 'pre-registered')) registration.clientId = clientId;
  if (clientSecret && registration.clientId) registration.clientSecret = clientSecret;
  const issuer = values.registration.issuer?.trim();
  if (issuer && registration.clientId) registration.issuer = issuer;
  if (clientMetadataUrl && (values.registration.mode === 'auto' || values.registration.mode === 'cimd')) registration.clientMetadataUrl = clientMetadataUrl;
  return {
    serverUrl: values.server.trim(),
    specVersion: values.spec === 'auto' ? LATEST_SPEC_VERSION : values.spec,
    ...(values.spec === 'auto' ? { autoVersion: true } : {}),
    timeoutMs: values.timeoutSeconds * 1000,
    redirectUri: callbackUrl(appBase),
    clientName: 'MCP Auth Flow',
    registration,
    ...(values.scopeOverride.trim() ? { scopeOverride: values.scopeOverride.trim() } : {}),
    ...(values.viaRelay ? { viaRelay: true } : {}),
  };
}
