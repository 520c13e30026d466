import { CookieJar } from './cookie-jar.ts';

/**
 * Walks the demo authorization server's front channel as a browser would: follows redirects,
 * signs in, and presses Allow or Deny, until it is sent to `redirectUri`. Returns where it landed
 * and the HTML pages it went through.
 */
export async function followLoginPages(
  startUrl: string,
  redirectUri: string,
  decision: 'Allow' | 'Deny' = 'Allow',
): Promise<{ callbackUrl: URL; pages: string[] }> {
  const jar = new CookieJar();
  const pages: string[] = [];
  let url = startUrl;
  let form: URLSearchParams | undefined;

  for (let hop = 0; hop < 20; hop += 1) {
    if (url.startsWith(redirectUri)) return { callbackUrl: new URL(url), pages };

    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      ...(form ? { body: form } : {}),
      redirect: 'manual',
    });
    jar.store(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).href;
      form = undefined;
      continue;
    }

    const html = await response.text();
    if (response.status !== 200) throw new Error(`authorization stopped with ${response.status} at ${url}: ${html}`);
    pages.push(html);
    const isLoginPage = html.includes('name="username"');
    url = new URL(formActionOf(html, isLoginPage ? 'Sign in' : decision), url).href;
    form = isLoginPage ? new URLSearchParams({ username: 'alice', password: 'any password' }) : new URLSearchParams();
  }
  throw new Error('too many redirects during authorization');
}

function formActionOf(html: string, buttonText: string): string {
  for (const [, action, content] of html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g)) {
    if (action && content?.includes(`>${buttonText}</button>`)) return action.replaceAll('&amp;', '&');
  }
  throw new Error(`no "${buttonText}" button on the page:\n${html}`);
}
