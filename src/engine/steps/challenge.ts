import { findBearerChallenge, parseWwwAuthenticate } from '../auth/www-authenticate.ts';
import { neededHeader } from '../relay/relay-report.ts';
import type { Exchange } from '../model/exchange.ts';
import { flagNonstandardErrorCode } from './challenge-error-code.ts';
import { responseHeader } from './latest-exchange.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

export const challengeStep: StepDefinition = {
  kind: 'challenge',
  title: 'Read the WWW-Authenticate challenge',
  teaching:
    'The 401 carries a WWW-Authenticate header. Its Bearer challenge names the protected resource metadata URL ' +
    '(resource_metadata) and, since 2025-11-25, the scopes to ask for. A header may hold several challenges, so the client parses them all.',
  specAnchor: 'protected-resource-metadata-discovery-requirements',
  async run(ctx) {
    // The last one: a server with an open handshake answers 401 to the request after initialize (open-handshake.ts).
    const unauthenticated = ctx.exchanges.findLast((exchange) => exchange.stepId === 'mcp-unauthenticated');
    const header = responseHeader(unauthenticated, 'www-authenticate');
    if (header === null) return noChallenge(ctx, unauthenticated);

    const { challenges, errors, tabAfterScheme } = parseWwwAuthenticate(header);
    ctx.learned.challenges = challenges;
    for (const error of errors) ctx.raise('challenge.unparseable', error, unauthenticated?.id);
    for (const scheme of tabAfterScheme ?? [])
      ctx.raise('challenge.tab-after-scheme', `A TAB, not a space, follows the auth scheme ${scheme}.`, unauthenticated?.id);
    for (const challenge of challenges) {
      const params = Object.entries(challenge.params).map(([key, value]) => `${key}="${value}"`);
      ctx.note(`${challenge.scheme} ${challenge.token68 ?? params.join(', ')}`.trim());
    }
    const bearer = findBearerChallenge(challenges);
    if (!bearer) {
      ctx.raise('challenge.no-bearer', `Challenges found: ${challenges.map((c) => c.scheme).join(', ') || 'none'}.`, unauthenticated?.id);
      return { status: 'failed', summary: 'No Bearer challenge to answer.' };
    }
    const nonstandard = flagNonstandardErrorCode(ctx, header, 'The 401', unauthenticated?.id);
    const { resource_metadata: resourceMetadata, scope } = bearer.params;
    if (scope) ctx.learned.challengeScope = scope;
    else if (ctx.profile.challenge.scope) {
      ctx.raise('challenge.no-scope', 'The Bearer challenge has no scope parameter.', unauthenticated?.id);
    }
    if (resourceMetadata) {
      ctx.learned.resourceMetadataUrl = resourceMetadata;
      return { status: errors.length || !scope || nonstandard ? 'warning' : 'ok', summary: `resource_metadata → ${resourceMetadata}` };
    }
    return missingResourceMetadata(ctx, unauthenticated?.id, 'The Bearer challenge has no resource_metadata parameter.');
  },
};

/**
 * No readable header. Same-origin or outside a browser it was simply not sent. Cross-origin, the
 * browser may have hidden it: the relay, when there is one, tells hidden from absent; without it
 * the finding says it cannot tell.
 */
async function noChallenge(ctx: StepContext, exchange: Exchange | undefined): Promise<StepOutcome> {
  const exchangeId = exchange?.id;
  if (exchange?.response?.responseType === 'cors') {
    const seen = neededHeader(await ctx.explain(exchange, ['WWW-Authenticate']), 'WWW-Authenticate');
    if (seen && !seen.sent) {
      return missingResourceMetadata(
        ctx,
        exchangeId,
        'The 401 has no WWW-Authenticate header: the relay confirms the server sends none, so this is not a CORS problem.',
      );
    }
    ctx.raise(
      'challenge.hidden-by-cors',
      seen
        ? `The 401 reached the script without a WWW-Authenticate header. The relay confirms the server sends "WWW-Authenticate: ${seen.value}", but the browser hides it: Access-Control-Expose-Headers does not list it.`
        : 'The 401 reached the script without a WWW-Authenticate header. Either the server does not send one, or it does not list it in Access-Control-Expose-Headers, so the browser hides it. ' +
            'Without the relay (npm start) the app cannot tell which.',
      exchangeId,
    );
    if (ctx.profile.challenge.resourceMetadata === 'required') return { status: 'failed', summary: 'No readable challenge.', continuable: true };
    ctx.note('Falling back to the well-known protected resource metadata URLs');
    return { status: 'warning', summary: 'No readable challenge; trying the well-known URLs instead.' };
  }
  return missingResourceMetadata(ctx, exchangeId, 'The 401 has no WWW-Authenticate header.');
}

/** 2025-06-18 requires resource_metadata; later versions let the client try the well-known URLs (the profile says which). */
function missingResourceMetadata(ctx: StepContext, exchangeId: string | undefined, detail: string): StepOutcome {
  if (ctx.profile.challenge.resourceMetadata === 'required') {
    ctx.raise('challenge.missing', detail, exchangeId);
    // Continuing anyway tries the well-known URLs, as later versions allow.
    return { status: 'failed', summary: 'The challenge does not say where the resource metadata is.', continuable: true };
  }
  ctx.raise('challenge.missing-soft', detail, exchangeId);
  ctx.note('Falling back to the well-known protected resource metadata URLs');
  return { status: 'warning', summary: 'No resource_metadata; trying the well-known URLs instead.' };
}
