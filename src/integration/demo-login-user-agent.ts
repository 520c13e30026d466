import type { UserAgent } from '../engine/flow/user-agent.ts';
import { followLoginPages } from '../demo/test-support/login-pages.ts';

/**
 * A user agent for Node tests against the demo authorization server: it follows the redirects
 * a browser would, signs in, and presses the consent button, then hands back the callback URL.
 */
export function demoLoginUserAgent(decision: 'Allow' | 'Deny' = 'Allow'): UserAgent & { logins: number } {
  const agent = {
    logins: 0,
    async authorize({ url, redirectUri }: { url: string; redirectUri: string }) {
      agent.logins += 1;
      const { callbackUrl } = await followLoginPages(url, redirectUri, decision);
      return { callbackUrl: callbackUrl.href };
    },
  };
  return agent;
}
