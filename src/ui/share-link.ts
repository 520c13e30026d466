import { redactUrlCredentials } from '../engine/report/redact.ts';
import type { RegistrationMode } from '../engine/model/session.ts';
import { isSpecVersion, type SpecVersion } from '../engine/spec/versions.ts';

const MODES: RegistrationMode[] = ['auto', 'pre-registered', 'cimd', 'dcr'];

/** What a shareable link carries: the setup needed to reproduce a run, and never a secret. */
export interface LinkSetup {
  server?: string;
  spec?: SpecVersion | 'auto';
  mode?: RegistrationMode;
  clientId?: string;
  clientMetadataUrl?: string;
  scope?: string;
  /** A demo teaching scenario, by id. */
  scenario?: string;
  run: boolean;
}

export function readLink(search: string): LinkSetup {
  const params = new URLSearchParams(search);
  const text = (name: string) => params.get(name)?.trim() || undefined;
  const spec = params.get('spec');
  const mode = params.get('mode') as RegistrationMode | null;
  const setup: LinkSetup = { run: params.get('run') === '1' };
  const server = text('server');
  if (server) setup.server = server;
  if (spec === 'auto' || isSpecVersion(spec)) setup.spec = spec;
  if (mode && MODES.includes(mode)) setup.mode = mode;
  const clientId = text('client_id');
  if (clientId) setup.clientId = clientId;
  const clientMetadataUrl = text('client_metadata_url');
  if (clientMetadataUrl) setup.clientMetadataUrl = clientMetadataUrl;
  const scope = text('scope');
  if (scope) setup.scope = scope;
  const scenario = text('scenario');
  if (scenario && /^[a-z0-9-]{1,64}$/.test(scenario)) setup.scenario = scenario;
  return setup;
}

/**
 * A link is for sharing, so it carries no secret: the client secret is deliberately not a
 * parameter, and the server URL's userinfo and credential-like query values (`?api_key=…`) are
 * replaced with "[redacted]" for the recipient to fill in with their own.
 */
export function buildLink(appBase: string, setup: Omit<LinkSetup, 'run'>, run: boolean): string {
  const params = new URLSearchParams();
  if (setup.server) params.set('server', redactUrlCredentials(setup.server));
  if (setup.spec) params.set('spec', setup.spec);
  if (setup.mode && setup.mode !== 'auto') params.set('mode', setup.mode);
  if (setup.clientId) params.set('client_id', setup.clientId);
  if (setup.clientMetadataUrl) params.set('client_metadata_url', setup.clientMetadataUrl);
  if (setup.scope) params.set('scope', setup.scope);
  if (setup.scenario) params.set('scenario', setup.scenario);
  if (run) params.set('run', '1');
  // The app's own page, under its base (a sub-path on some hosts), not the host's root.
  return new URL(`?${params}`, appBase).href;
}
