import { TEST_APP_ORIGIN } from './headless-oauth-client.ts';

/** The OPTIONS request a browser sends before a cross-origin POST with these headers. */
export function sendPreflight(url: string, requestHeaders = 'content-type, authorization'): Promise<Response> {
  return fetch(url, {
    method: 'OPTIONS',
    headers: {
      origin: TEST_APP_ORIGIN,
      'access-control-request-method': 'POST',
      'access-control-request-headers': requestHeaders,
    },
  });
}
