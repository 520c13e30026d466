import { UserAgentError, type UserAgent } from '../../flow/user-agent.ts';

/**
 * Stands in for the user's browser at an authorization server that approves at once: it opens the
 * authorize URL the engine gives it, and the 302 that comes back is the callback. The fake server
 * decides what goes in it (code, state, iss, or an error).
 */
export const redirectFollowingUserAgent: UserAgent = {
  async authorize({ url }, signal) {
    const response = await fetch(url, { redirect: 'manual', ...(signal ? { signal } : {}) });
    await response.body?.cancel();
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || !location) {
      throw new UserAgentError('closed', `The authorization endpoint answered ${response.status} instead of redirecting back.`);
    }
    return { callbackUrl: new URL(location, url).href };
  },
};
