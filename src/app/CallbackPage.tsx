import { useEffect, useState } from 'react';
import { deliverCallback } from '../features/connect/callback-channel.ts';
import { rememberCallback } from '../features/connect/redirect-resume.ts';

/**
 * The redirect URI. In the login popup it hands the full callback URL to the app window and
 * closes; after a full-page redirect (popup blocked) it leaves the URL for the app and goes back
 * to it. The app checks code, state and iss. Nothing from the URL is rendered as HTML.
 */
export function CallbackPage() {
  const [outcome, setOutcome] = useState<'popup' | 'resuming' | 'orphan' | null>(null);
  useEffect(() => {
    if (deliverCallback(window.location.href)) {
      setOutcome('popup');
      window.setTimeout(() => window.close(), 300);
    } else if (rememberCallback(window.location.href)) {
      setOutcome('resuming');
      window.location.replace('/?resume=1');
    } else {
      setOutcome('orphan');
    }
  }, []);
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">MCP Auth Flow</h1>
      <p className="mt-4 text-slate-700" data-testid="callback-status">
        {outcome === 'orphan'
          ? 'The authorization server sent you back here, but no flow is waiting for this callback (the app window was closed or reset). Start the flow again from the app.'
          : outcome === 'resuming'
            ? 'Signed in. Returning to the app…'
            : 'Signed in. Handing the result back to the app; this window closes by itself.'}
      </p>
    </main>
  );
}
