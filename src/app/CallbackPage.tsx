import { useEffect, useState } from 'react';
import { deliverCallback, reportLandedElsewhere } from '../features/connect/callback-channel.ts';
import { callbackState, hasPendingLogin, isLoginPending } from '../features/connect/pending-logins.ts';
import { rememberCallback } from '../features/connect/redirect-resume.ts';
import { appBaseUrl } from '../ui/app-base.ts';

type Outcome = 'popup' | 'resuming' | 'foreign';

/**
 * The redirect URI. In the login popup it hands the full callback URL to the app window and
 * closes; after a full-page redirect (popup blocked) it leaves the URL for the app and goes back
 * to it. A callback that belongs to no login this app started (any page can open this URL) is
 * shown as foreign and goes nowhere, so it cannot end a pending login. The app checks code,
 * state and iss. Nothing from the URL is rendered as HTML.
 */
export function CallbackPage() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    const url = window.location.href;
    const state = callbackState(url);
    const hasOpener = !!window.opener;
    let next: Outcome;
    if (reportLandedElsewhere()) {
      next = 'popup';
    } else if (isLoginPending(state)) {
      deliverCallback(url, { broadcast: true });
      next = 'popup';
    } else if (state === null && hasOpener && hasPendingLogin()) {
      // Our login popup, and the authorization server dropped `state`: the app reports that.
      deliverCallback(url, { broadcast: false });
      next = 'popup';
    } else if (rememberCallback(url)) {
      next = 'resuming';
    } else {
      next = 'foreign';
    }
    setOutcome(next);
    if (next === 'popup') window.setTimeout(() => window.close(), 300);
    // The app's page: the folder this callback.html sits in, at the host root or under a sub-path.
    if (next === 'resuming') window.location.replace(new URL('?resume=1', appBaseUrl()).href);
  }, []);
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">MCP Auth Flow</h1>
      <p className="mt-4 text-slate-700" data-testid="callback-status" data-outcome={outcome ?? 'checking'}>
        {outcome === 'foreign'
          ? 'This callback does not belong to a login this app started; it was ignored. If you did start one, it has ended already (the app window was closed or reset): start the flow again from the app.'
          : outcome === 'resuming'
            ? 'Signed in. Returning to the app…'
            : 'Signed in. Handing the result back to the app; this window closes by itself.'}
      </p>
    </main>
  );
}
