import { firstRequest } from '../mcp/jsonrpc.ts';
import { parseMcpResponse } from '../mcp/parse-response.ts';
import type { Exchange } from '../model/exchange.ts';
import { flagNonstandardErrorCode } from './challenge-error-code.ts';
import { attempt } from './fetch-failure.ts';
import { responseHeader, latestExchange } from './latest-exchange.ts';
import type { StepContext, StepDefinition, StepOutcome } from './step-definition.ts';

interface Probe {
  /** How findings and notes name it: "With a malformed token, …". */
  label: string;
  /** How the diagram tells its request from the other probes'. */
  tag: string;
  token?: string;
}

/**
 * What the server made of a probe. Only a 2xx with a JSON-RPC result is acceptance; a 401 with a
 * challenge is the right refusal (spec "Token Handling": invalid tokens MUST get 401, RFC 6750 §3);
 * any other refusal has the wrong status, and a 5xx is the server failing on the token.
 */
type Verdict = 'right' | 'nonstandard-code' | 'no-challenge' | 'wrong-status' | 'crashed' | 'accepted' | 'no-response';

export const auditStep: StepDefinition = {
  kind: 'audit',
  title: 'Audit the server’s token validation',
  teaching:
    'Three probes check that the MCP server really validates tokens: no token, a malformed token, and the real token with its signature altered. ' +
    'Each must be refused with 401 and a challenge; a server that serves any of them accepts tokens it never checked, and one that answers 5xx fails on them.',
  specAnchor: 'token-handling',
  async run(ctx) {
    const token = ctx.learned.tokens?.access_token;
    const probes: Probe[] = [
      { label: 'no token', tag: 'no token' },
      { label: 'a malformed token', tag: 'malformed token', token: 'not-a-real-token' },
      ...(token ? [{ label: 'the real token with its signature altered', tag: 'tampered token', token: tamper(token) }] : []),
    ];
    const verdicts: Verdict[] = [];
    for (const probe of probes) {
      const verdict = await sendProbe(ctx, probe);
      if (verdict === 'no-response') return { status: 'failed', summary: `The probe with ${probe.label} got no response.` };
      verdicts.push(verdict);
    }
    return summarize(verdicts);
  },
};

function summarize(verdicts: Verdict[]): StepOutcome {
  const count = (verdict: Verdict) => verdicts.filter((candidate) => candidate === verdict).length;
  const total = verdicts.length;
  if (count('accepted')) return { status: 'failed', summary: `The server served ${count('accepted')} of ${total} invalid requests.` };
  const wrong = count('wrong-status');
  const crashed = count('crashed');
  if (wrong || crashed) {
    const parts = [
      ...(wrong ? [`${wrong} ${wrong === 1 ? 'was' : 'were'} refused with the wrong status`] : []),
      ...(crashed ? [`${crashed} crashed the server`] : []),
    ];
    return { status: 'failed', summary: `No probe was served, but of ${total}, ${parts.join(' and ')}.` };
  }
  if (count('no-challenge')) return { status: 'warning', summary: `All ${total} probes were refused with 401; ${count('no-challenge')} without a challenge.` };
  if (count('nonstandard-code')) {
    return {
      status: 'warning',
      summary: `All ${total} probes were refused with 401; ${count('nonstandard-code')} with an error code RFC 6750 does not define.`,
    };
  }
  return { status: 'ok', summary: `All ${total} probes were refused with 401 and a challenge.` };
}

async function sendProbe(ctx: StepContext, probe: Probe): Promise<Verdict> {
  const request = firstRequest(ctx.profile, probe.token);
  const sent = await attempt(ctx, `The probe with ${probe.label} got no response`, () =>
    ctx.fetch({ to: 'mcp', expectHeaders: ['WWW-Authenticate'], label: probe.tag })(ctx.settings.serverUrl, {
      method: 'POST',
      headers: request.headers,
      body: JSON.stringify(request.body),
    }),
  );
  if (!sent.ok) return 'no-response';
  const exchange = latestExchange(ctx);
  const verdict = judge(ctx, probe, exchange);
  ctx.note(`${probe.label} → ${exchange.response!.status}: ${VERDICT_NOTES[verdict]}`);
  return verdict;
}

const VERDICT_NOTES: Record<Verdict, string> = {
  right: 'refused',
  'nonstandard-code': 'refused, with a non-standard error code',
  'no-challenge': 'refused, without a challenge',
  'wrong-status': 'refused with the wrong status',
  crashed: 'the server failed',
  accepted: 'accepted',
  'no-response': 'no response',
};

function judge(ctx: StepContext, probe: Probe, exchange: Exchange): Verdict {
  const { status, body } = exchange.response!;
  const withProbe = `With ${probe.label}`;
  if (status === 401) {
    const header = responseHeader(exchange, 'www-authenticate');
    if (header === null && !exchange.hiddenHeaders?.length) {
      ctx.raise('audit.no-challenge', `${withProbe}, the 401 has no WWW-Authenticate header.`, exchange.id);
      return 'no-challenge';
    }
    return flagNonstandardErrorCode(ctx, header, withProbe, exchange.id) ? 'nonstandard-code' : 'right';
  }
  if (status >= 500) {
    ctx.raise('audit.crash-on-invalid-token', `${withProbe}, the server answered ${status}: it failed instead of refusing with 401.`, exchange.id);
    return 'crashed';
  }
  if (status >= 200 && status < 300) {
    const parsed = parseMcpResponse(body, responseHeader(exchange, 'content-type'));
    if (parsed.ok && parsed.response.kind === 'result') {
      ctx.raise('audit.accepts-invalid-token', `${withProbe}, the server answered ${status} instead of 401.`, exchange.id);
      return 'accepted';
    }
    const what =
      parsed.ok && parsed.response.kind === 'error' ? `a JSON-RPC error (${parsed.response.code}: ${parsed.response.message})` : 'no JSON-RPC result';
    ctx.raise('audit.wrong-refusal-status', `${withProbe}, the server refused with ${status} and ${what} instead of 401.`, exchange.id);
    return 'wrong-status';
  }
  ctx.raise('audit.wrong-refusal-status', `${withProbe}, the server refused with ${status} instead of 401.`, exchange.id);
  return 'wrong-status';
}

/** Alters the signature of a JWT (or the end of an opaque token), keeping its shape. */
export function tamper(token: string): string {
  const parts = token.split('.');
  const last = parts.at(-1) ?? '';
  const flipped = last.length ? `${last.slice(0, -2)}${last.at(-2) === 'A' ? 'B' : 'A'}${last.at(-1)}` : 'AAAA';
  parts[parts.length - 1] = flipped;
  return parts.join('.');
}
