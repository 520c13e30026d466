import type { UserAgent } from '../engine/flow/user-agent.ts';
import { CookieJar } from '../demo/test-support/cookie-jar.ts';

/**
 * A user agent for Node tests against the demo authorization server: it follows the redirects
 * a browser would, signs in, and presses the consent button, then hands back the callback URL.
 */
export function demoLoginUserAgent(decision: 'Allow' | 'Deny' = 'Allow'): UserAgent & { logins: number } {
  const agent = {
    logins: 0,
    async authorize({ url, redirectUri }: { url: string; redirectUri: string }) {
      agent.logins += 1;
      const jar = new CookieJar();
      let next = url;
      let form: URLSearchParams | undefined;
      for (let hop = 0; hop < 20; hop += 1) {
        if (next.startsWith(redirectUri)) return { callbackUrl: next };
        const response = await fetch(next, {
          method: form ? 'POST' : 'GET',
          headers: { cookie: jar.header(), ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
          ...(form ? { body: form } : {}),
          redirect: 'manual',
        });
        jar.store(response);
        const location = response.headers.get('location');
        if (location) {
          next = new URL(location, next).href;
          form = undefined;
          continue;
        }
        const html = await response.text();
        if (response.status !== 200) throw new Error(`The authorization server answered ${response.status} at ${next}: ${html.slice(0, 300)}`);
        const signIn = html.includes('name="username"');
        next = new URL(formAction(html, signIn ? 'Sign in' : decision), next).href;
        form = signIn ? new URLSearchParams({ username: 'ada', password: 'any' }) : new URLSearchParams();
      }
      throw new Error('Too many redirects during authorization.');
    },
  };
  return agent;
}

function formAction(html: string, button: string): string {
  const forms = html.matchAll(/<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/g);
  const match = [...forms].find(([, , content]) => content?.includes(`>${button}</button>`));
  if (!match?.[1]) throw new Error(`No "${button}" button on the page.`);
  return match[1].replaceAll('&amp;', '&');
}
