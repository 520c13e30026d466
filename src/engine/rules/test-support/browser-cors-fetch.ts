/** The response headers a script may always read (Fetch, "CORS-safelisted response-header name"). */
const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];
const NULL_BODY_STATUSES = [101, 204, 205, 304];

/**
 * Models the browser's CORS filter over real server bytes, so browser-only rules can be proved in
 * Node: the request really goes to the loopback server (with an Origin, as a browser sends it), and
 * the response is then handled the way a browser hands a cross-origin response to a script:
 * - no Access-Control-Allow-Origin for this origin → a TypeError, and nothing else is visible;
 * - otherwise a response of type "cors" whose headers are only the safelisted ones and those named
 *   in Access-Control-Expose-Headers.
 * Preflights are not modelled.
 */
export function browserCorsFetch(origin: string): typeof fetch {
  return async (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('Origin', origin);
    const response = await fetch(input, { ...init, headers });
    const allowed = response.headers.get('access-control-allow-origin');
    if (allowed !== '*' && allowed !== origin) {
      await response.body?.cancel();
      throw new TypeError('Failed to fetch');
    }
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',').map((name) => name.trim().toLowerCase());
    const visible = new Headers();
    for (const [name, value] of response.headers) {
      if (SAFELISTED.includes(name) || exposed.includes(name) || exposed.includes('*')) visible.append(name, value);
    }
    const filtered = new Response(NULL_BODY_STATUSES.includes(response.status) ? null : response.body, {
      status: response.status,
      statusText: response.statusText,
      headers: visible,
    });
    // A constructed Response is of type "default"; the browser's would be "cors".
    Object.defineProperties(filtered, { type: { value: 'cors' }, url: { value: response.url } });
    return filtered;
  };
}
