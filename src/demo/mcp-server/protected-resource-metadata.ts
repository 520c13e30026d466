import { MCP_RESOURCE_SCOPES } from '../scopes.ts';

/** RFC 9728 §3.1: the well-known segment goes between the host and the resource's path. */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.origin}/.well-known/oauth-protected-resource${path}`;
}

export function protectedResourceMetadata({ resource, issuer }: { resource: string; issuer: string }) {
  return {
    resource,
    authorization_servers: [issuer],
    scopes_supported: [...MCP_RESOURCE_SCOPES],
    bearer_methods_supported: ['header'],
    resource_name: 'MCP Auth Flow demo',
  };
}
