import { followLoginPages } from '../../demo/test-support/login-pages.ts';

/**
 * Stands in for the person at the browser the CLI would open: signs in to the demo authorization
 * server, presses Allow, and lands on the CLI's loopback callback, as the browser would.
 */
export async function logInAtDemo(authorizeUrl: string): Promise<void> {
  const redirectUri = new URL(authorizeUrl).searchParams.get('redirect_uri');
  if (!redirectUri) throw new Error(`no redirect_uri in ${authorizeUrl}`);
  const { callbackUrl } = await followLoginPages(authorizeUrl, redirectUri);
  await (await fetch(callbackUrl)).text();
}
