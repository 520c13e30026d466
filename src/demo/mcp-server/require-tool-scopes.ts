import type { RequestHandler } from 'express';
import type { AuthenticatedRequest } from './bearer-auth.ts';
import { bearerChallenge } from './www-authenticate.ts';

/**
 * Step-up: a tools/call for a tool that needs more scopes than the token carries is answered
 * with HTTP 403 insufficient_scope (MCP authorization "Scope Challenge Handling"). It has to
 * be an HTTP status, so this looks into the JSON-RPC body before the MCP server does.
 */
export function requireToolScopes(
  requiredScopes: (toolName: string) => readonly string[] | undefined,
  /** undefined for a server without protected resource metadata (2025-03-26). */
  resourceMetadataUrl: string | undefined,
): RequestHandler {
  return (req, res, next) => {
    const granted = new Set((req as AuthenticatedRequest).auth?.scopes ?? []);
    const messages: unknown[] = Array.isArray(req.body) ? req.body : [req.body];
    for (const toolName of messages.map(calledToolName)) {
      const required = toolName === undefined ? undefined : requiredScopes(toolName);
      if (!required || required.every((scope) => granted.has(scope))) continue;
      const missing = required.filter((scope) => !granted.has(scope));
      const description = `The ${toolName} tool needs the ${missing.join(' ')} scope`;
      res.set(
        'WWW-Authenticate',
        bearerChallenge([
          ['error', 'insufficient_scope'],
          ['scope', required.join(' ')],
          ['resource_metadata', resourceMetadataUrl],
          ['error_description', description],
        ]),
      );
      res.status(403).json({ error: 'insufficient_scope', error_description: description });
      return;
    }
    next();
  };
}

function calledToolName(message: unknown): string | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { method, params } = message as { method?: unknown; params?: { name?: unknown } };
  return method === 'tools/call' && typeof params?.name === 'string' ? params.name : undefined;
}
