import { useEffect } from 'react';
import type { FlowSession } from '../engine/model/session.ts';
import { forgetRedirect, takeResume } from '../features/connect/redirect-resume.ts';
import { useRunOnce } from './use-run-once.ts';

/**
 * Back from a full-page redirect (the popup was blocked): hands the saved session and its
 * callback to `resume`, once, and takes `?resume=1` off the address.
 */
export function useRedirectResume(resuming: boolean, resume: (saved: { session: FlowSession; callbackUrl: string }) => void): void {
  // A redirect leg that never came back (Back button, reload) leaves nothing behind in storage.
  useEffect(() => {
    if (!resuming) forgetRedirect();
  }, [resuming]);

  useRunOnce(resuming, () => {
    window.history.replaceState(null, '', window.location.pathname);
    const saved = takeResume();
    if (saved) resume(saved);
  });
}
