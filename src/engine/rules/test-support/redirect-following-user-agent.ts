import { UserAgentError, type UserAgent } from '../../flow/user-agent.ts';

/**
 * Stands in for the user's browser at an authorization server that approves at once: it opens the
 * authorize URL the engine gives it, and the 302 that comes back is the callback. The fake server
 * decides what goes in it (code, state, iss, or an error).
 */
export const redirectFollowingUserAgent: UserAgent = {
  async authorize({ url, redirectUri }, signal) {
    const response = await fetch(url, { redirect: 'manual', ...(signal ? { signal } : {}) });
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new UserAgentError('closed', `The authorization endpoint answered ${response.status} instead of redirecting back.`);
    }
    const callback = new URL(location, url);
    // Like the app's callback page on a foreign origin: it can say where it landed, not hand over the code.
    const expected = new URL(redirectUri);
    if (callback.pathname === expected.pathname && callback.origin !== expected.origin) {
      throw new UserAgentError('other-origin', `The browser was sent back to ${callback.origin}, not ${expected.origin}.`);
    }
    return { callbackUrl: callback.href };
  },
};
