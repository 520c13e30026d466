import * as oauth from 'oauth4webapi';

/** oauth4webapi errors carry codes; say what the server said, as text. */
export function describeOauthError(error: unknown, status?: number): string {
  const prefix = status ? `HTTP ${status}` : 'The response';
  if (error instanceof oauth.ResponseBodyError) {
    return `${prefix}: ${error.error}${error.error_description ? ` (${error.error_description})` : ''}.`;
  }
  if (error instanceof oauth.WWWAuthenticateChallengeError) return `${prefix} with a WWW-Authenticate challenge: ${error.message}.`;
  if (error instanceof oauth.OperationProcessingError) return `${prefix}: ${error.message} [${error.code ?? 'no code'}].`;
  return `${prefix}: ${error instanceof Error ? error.message : String(error)}.`;
}
