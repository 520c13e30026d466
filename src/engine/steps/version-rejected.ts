import type { Exchange } from '../model/exchange.ts';
import { jsonRpcErrorOf, readVersionRejection, type RpcError, type VersionRejection } from '../mcp/version-rejection.ts';
import type { SpecProfile } from '../spec/profile.ts';
import type { SpecVersion } from '../spec/versions.ts';
import type { StepContext } from './step-definition.ts';

/**
 * When the server refused an MCP request because of the protocol version (not the token), raises
 * version.rejected naming the version it seems to speak, and returns a summary for the step.
 * The profiles decide what each version opens with; no version is compared by name.
 */
export function versionRejected(ctx: StepContext, method: string, exchange: Exchange, error?: RpcError): string | undefined {
  const rpcError = error ?? jsonRpcErrorOf(exchange.response?.body ?? '');
  const rejection = rpcError && readVersionRejection(rpcError, method === currentProtocol(ctx).transport.opening);
  if (!rejection) return undefined;
  const protocol = currentProtocol(ctx);
  const speaks = seemsToSpeak(ctx, rejection);
  ctx.raise(
    'version.rejected',
    `The server refused the protocol version, not the token. This run speaks ${protocol.version}, which opens with ${protocol.transport.opening}; ` +
      `the server answered ${method} with HTTP ${exchange.response!.status} "${rejection.message.slice(0, 200)}". ${speaks.text}`,
    exchange.id,
  );
  return speaks.version
    ? `${method} was refused: the server seems to speak ${speaks.version}, not ${protocol.version}.`
    : `${method} was refused: the server does not speak ${protocol.version}.`;
}

/**
 * The newest version with an initialize handshake that finds its authorization server the way
 * this run did (through protected resource metadata, or at the MCP server's origin without it).
 */
export function newestWithHandshake(ctx: StepContext): SpecProfile<SpecVersion> {
  const location = ctx.learned.resource ? 'protected-resource-metadata' : 'mcp-origin';
  return ctx.profiles.newest((profile) => profile.transport.opening === 'initialize' && profile.discovery.authorizationServer === location);
}

/** During automatic version choice the protocol may differ from the version the flow began with. */
export function currentProtocol(ctx: StepContext): SpecProfile<SpecVersion> {
  return ctx.learned.protocolVersion ? ctx.profiles.profileFor(ctx.learned.protocolVersion) : ctx.profile;
}

function seemsToSpeak(ctx: StepContext, rejection: VersionRejection): { version?: string; text: string } {
  if (rejection.kind === 'unsupported') {
    const known = ctx.profiles.versions.filter((version) => rejection.supported.includes(version));
    const newest = known.at(-1);
    if (newest) return { version: newest, text: `It lists ${rejection.supported.join(', ')}: it seems to speak ${newest}. Run with that version (or auto).` };
    if (rejection.supported.length) return { text: `It lists only versions this tool does not know: ${rejection.supported.join(', ')}.` };
    return { text: 'It does not say which versions it supports; run with auto to find out.' };
  }
  if (rejection.kind === 'handshake-expected') {
    const handshake = newestWithHandshake(ctx).version;
    return {
      version: handshake,
      text: `It wants an initialize handshake (a session) first, as versions up to ${handshake} do: it seems to speak ${handshake} or earlier. Run with that version (or auto).`,
    };
  }
  const opening = currentProtocol(ctx).transport.opening;
  const other = ctx.profiles.newest((profile) => profile.transport.opening !== opening).version;
  return {
    version: other,
    text: `It does not know ${opening}, the first request of this version: it seems to speak a version that opens otherwise, such as ${other}. Run with that version (or auto).`,
  };
}
