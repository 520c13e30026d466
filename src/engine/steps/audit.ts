import { firstRequest } from '../mcp/jsonrpc.ts';
import { attempt } from './fetch-failure.ts';
import { responseHeader, latestExchange } from './latest-exchange.ts';
import type { StepContext, StepDefinition } from './step-definition.ts';

interface Probe {
  label: string;
  token?: string;
}

export const auditStep: StepDefinition = {
  kind: 'audit',
  title: 'Audit the server’s token validation',
  teaching:
    'Three probes check that the MCP server really validates tokens: no token, a malformed token, and the real token with its signature altered. ' +
    'Each must be refused with 401 and a challenge; a server that serves any of them accepts tokens it never checked.',
  specAnchor: 'token-handling',
  async run(ctx) {
    const token = ctx.learned.tokens?.access_token;
    const probes: Probe[] = [
      { label: 'no token' },
      { label: 'a malformed token', token: 'not-a-real-token' },
      ...(token ? [{ label: 'the real token with its signature altered', token: tamper(token) }] : []),
    ];
    let accepted = 0;
    for (const probe of probes) {
      const outcome = await sendProbe(ctx, probe);
      if (outcome === 'failed') return { status: 'failed', summary: `The probe with ${probe.label} got no response.` };
      if (outcome === 'accepted') accepted += 1;
    }
    if (accepted) return { status: 'failed', summary: `The server accepted ${accepted} of ${probes.length} invalid requests.` };
    return { status: 'ok', summary: `All ${probes.length} probes were refused with 401.` };
  },
};

async function sendProbe(ctx: StepContext, probe: Probe): Promise<'refused' | 'accepted' | 'failed'> {
  const request = firstRequest(ctx.profile, probe.token);
  const sent = await attempt(ctx, `The probe with ${probe.label} got no response`, () =>
    ctx.fetch({ to: 'mcp', expectHeaders: ['WWW-Authenticate'] })(ctx.settings.serverUrl, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
    }),
  );
  if (!sent.ok) return 'failed';
  const exchange = latestExchange(ctx);
  const status = exchange.response!.status;
  if (status !== 401) {
    ctx.raise('audit.accepts-invalid-token', `With ${probe.label}, the server answered ${status} instead of 401.`, exchange.id);
    ctx.note(`${probe.label} → ${status}: accepted`);
    return 'accepted';
  }
  if (responseHeader(exchange, 'www-authenticate') === null && !exchange.hiddenHeaders?.length) {
    ctx.raise('audit.no-challenge', `With ${probe.label}, the 401 has no WWW-Authenticate header.`, exchange.id);
  }
  ctx.note(`${probe.label} → 401: refused`);
  return 'refused';
}

/** Alters the signature of a JWT (or the end of an opaque token), keeping its shape. */
export function tamper(token: string): string {
  const parts = token.split('.');
  const last = parts.at(-1) ?? '';
  const flipped = last.length ? `${last.slice(0, -2)}${last.at(-2) === 'A' ? 'B' : 'A'}${last.at(-1)}` : 'AAAA';
  parts[parts.length - 1] = flipped;
  return parts.join('.');
}
