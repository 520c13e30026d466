import { BETTER_AUTH_ACCOUNT } from '../servers/better-auth.ts';

/**
 * The person at better-auth's login and consent pages, for the CLI: it opens the authorize URL, is sent
 * to the login page, signs in with email and password and then allows on the consent page, each time as
 * the pages' own script does (a POST of the page's signed query to better-auth's API), and follows the
 * answer to the CLI's loopback callback.
 */
export function signInOnBetterAuth(authorizeUrl: string): void {
  void signIn(authorizeUrl).catch((error: unknown) => console.error('The scripted sign-in failed:', error));
}

async function signIn(authorizeUrl: string): Promise<void> {
  const loginPage = await redirectTarget(await fetch(authorizeUrl, { redirect: 'manual' }), authorizeUrl);
  const signedIn = await post(new URL('/api/auth/sign-in/email', loginPage), loginPage, BETTER_AUTH_ACCOUNT);
  const cookie = (signedIn.response.headers.getSetCookie() ?? []).map((line) => line.split(';')[0]).join('; ');
  const consented = await post(new URL('/api/auth/oauth2/consent', loginPage), new URL(signedIn.next, loginPage), { accept: true }, cookie);
  await fetch(new URL(consented.next, loginPage), { redirect: 'manual' });
}

async function post(endpoint: URL, page: URL, body: object, cookie?: string): Promise<{ response: Response; next: string }> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: page.origin, ...(cookie ? { Cookie: cookie } : {}) },
    body: JSON.stringify({ ...body, oauth_query: page.search.slice(1) }),
  });
  const answer = (await response.clone().json()) as { url?: string; redirect_uri?: string };
  const next = answer.url ?? answer.redirect_uri;
  if (!next) throw new Error(`${endpoint.pathname} answered ${response.status} ${JSON.stringify(answer)}`);
  return { response, next };
}

/**
 * Where the authorize request sends the person. Node's fetch always sends `Sec-Fetch-Mode: cors`, so
 * better-auth answers it as it answers a page's fetch, `{ redirect: true, url }`, instead of a 302.
 */
async function redirectTarget(response: Response, from: string): Promise<URL> {
  const location = response.headers.get('location') ?? ((await response.json().catch(() => ({}))) as { url?: string }).url;
  if (!location) throw new Error(`The authorize request answered ${response.status} without a redirect`);
  return new URL(location, from);
}
