import { judgeUrl } from '../security/openable-url.ts';
import type { AuthorizationServerMetadata } from '../model/session.ts';
import type { SpecVersion } from '../spec/versions.ts';
import { describeJsonType, describeJsonValue, hit, hitsForVersion, isJsonObject, showValue, type RuleHit } from './rule-hit.ts';

const REQUIRED_ENDPOINTS = ['authorization_endpoint', 'token_endpoint'] as const;

/**
 * Checks authorization server metadata (RFC 8414 §2–3, MCP "Communication Security" and
 * "Authorization Code Protection"). Only hits of rules that apply to `version` are returned.
 * `metadata` is returned for any JSON object, even with hits, so the flow can "continue anyway";
 * typed fields of the wrong type are left out of it, and a missing issuer becomes "".
 */
export function validateAuthorizationServerMetadata(
  doc: unknown,
  ctx: { expectedIssuer: string; version: SpecVersion },
): { metadata?: AuthorizationServerMetadata; hits: RuleHit[] } {
  if (!isJsonObject(doc)) {
    return { hits: [hit('as.not-object', `The document is ${describeJsonType(doc)}, not a JSON object.`)] };
  }
  const hits: RuleHit[] = [];

  // RFC 8414 §3.3: identical, no normalisation; a mix-up defence, so a trailing slash counts.
  const issuer = doc.issuer;
  if (issuer === undefined) {
    hits.push(hit('as.issuer-mismatch', `The metadata has no issuer; it must be ${showValue(ctx.expectedIssuer)}, the issuer its URL was built from.`));
  } else if (issuer !== ctx.expectedIssuer) {
    hits.push(hit('as.issuer-mismatch', `issuer is ${showValue(issuer)} but the metadata URL was built from ${showValue(ctx.expectedIssuer)}.`));
  }

  for (const name of REQUIRED_ENDPOINTS) {
    const value = doc[name];
    if (value === undefined || value === '') hits.push(hit('as.missing-endpoint', `The metadata has no ${name}.`));
    else if (typeof value !== 'string') hits.push(hit('as.missing-endpoint', `${name} is ${describeJsonValue(value)}, not a URL.`));
  }

  for (const [name, value] of Object.entries(doc)) {
    if (!(name.endsWith('_endpoint') || name === 'jwks_uri') || typeof value !== 'string' || value === '') continue;
    const problem = insecureUrlProblem(value);
    if (problem) hits.push(hit('as.endpoint-not-https', `${name} ${showValue(value)} ${problem}.`));
  }

  const methods = doc.code_challenge_methods_supported;
  if (methods === undefined) {
    hits.push(hit('as.pkce-methods-absent', 'The metadata has no code_challenge_methods_supported, so PKCE support is not confirmed.'));
  } else if (!Array.isArray(methods)) {
    hits.push(hit('as.pkce-s256-missing', `code_challenge_methods_supported is ${describeJsonValue(methods)}, not a list.`));
  } else if (!methods.includes('S256')) {
    hits.push(hit('as.pkce-s256-missing', `code_challenge_methods_supported is ${showValue(methods)}, without "S256".`));
  }

  return { metadata: typedMetadata(doc), hits: hitsForVersion(hits, ctx.version) };
}

/** Why a URL is not acceptable for an AS endpoint, or undefined: the gate's verdict (http is tolerated on loopback). */
function insecureUrlProblem(value: string): string | undefined {
  const verdict = judgeUrl(value);
  return verdict.kind === 'allowed' ? undefined : `is not https: ${verdict.reason}`;
}

function typedMetadata(doc: Record<string, unknown>): AuthorizationServerMetadata {
  const metadata: AuthorizationServerMetadata = { ...doc, issuer: typeof doc.issuer === 'string' ? doc.issuer : '' };
  for (const name of ['authorization_endpoint', 'token_endpoint', 'registration_endpoint'] as const) {
    if (typeof doc[name] !== 'string') delete metadata[name];
  }
  const methods = doc.code_challenge_methods_supported;
  if (Array.isArray(methods)) metadata.code_challenge_methods_supported = methods.filter((m): m is string => typeof m === 'string');
  else delete metadata.code_challenge_methods_supported;
  if (typeof doc.authorization_response_iss_parameter_supported !== 'boolean') {
    delete metadata.authorization_response_iss_parameter_supported;
  }
  return metadata;
}
