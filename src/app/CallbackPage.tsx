import { useEffect, useState } from 'react';
import { deliverCallback } from '../features/connect/callback-channel.ts';

/**
 * The redirect URI. It hands the full callback URL to the app window and closes itself;
 * the app checks code, state and iss. Nothing from the URL is rendered as HTML.
 */
export function CallbackPage() {
  const [hadOpener, setHadOpener] = useState<boolean | null>(null);
  useEffect(() => {
    const delivered = deliverCallback(window.location.href);
    setHadOpener(delivered);
    if (delivered) window.setTimeout(() => window.close(), 300);
  }, []);
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">MCP Auth Flow</h1>
      {hadOpener === false ? (
        <p className="mt-4 text-slate-700">
          The authorization server sent you back here, but the app window that started the login is gone. Return to the app tab; it has received the
          callback if it is still open.
        </p>
      ) : (
        <p className="mt-4 text-slate-700">Signed in. Handing the result back to the app; this window closes by itself.</p>
      )}
    </main>
  );
}
