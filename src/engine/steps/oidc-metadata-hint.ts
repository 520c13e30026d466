import { authorizationServerMetadataUrls } from '../discovery/as-metadata-urls.ts';
import { fetchJsonDocument } from './fetch-json-document.ts';
import type { StepContext } from './step-definition.ts';

/**
 * A version that tries RFC 8414 only (2025-06-18) found no authorization server metadata. Many
 * identity providers publish only OpenID Connect Discovery metadata, which later versions try
 * (2025-11-25 "Authorization Server Metadata Discovery"). Probes those URLs once, in the later
 * versions' order, and says where the metadata is, without using it: this version's clients do not.
 * Undefined when this version already tries them, or nothing is there.
 */
export async function oidcMetadataHint(ctx: StepContext, issuer: string, tried: readonly string[]): Promise<string | undefined> {
  const later = ctx.profiles.versions
    .map((version) => ctx.profiles.profileFor(version))
    .find((profile) => profile.discovery.asMetadataOrder === 'rfc8414-then-oidc');
  if (!later || ctx.profile.discovery.asMetadataOrder === later.discovery.asMetadataOrder) return undefined;
  const untried = authorizationServerMetadataUrls(issuer, later.discovery.asMetadataOrder).filter((url) => !tried.includes(url));
  for (const url of untried) {
    const result = await fetchJsonDocument(ctx, url, 'as', `probe, not used by ${ctx.settings.specVersion}`);
    const issuerThere = result.kind === 'json' ? (result.value as { issuer?: unknown } | null)?.issuer : undefined;
    if (typeof issuerThere !== 'string') continue;
    ctx.note(`${url} → OpenID Connect metadata (issuer ${issuerThere}), not used at ${ctx.settings.specVersion}`);
    return (
      `This authorization server publishes OpenID Connect metadata at ${url}, which ${ctx.settings.specVersion} clients do not try; ` +
      `${later.version} and later do.`
    );
  }
  return undefined;
}
