/**
 * Shown instead of the app when another page frames it. The built app's CSP is a meta tag, which
 * cannot carry frame-ancestors (CSP3 §6.4.2), so where no header forbids framing the app itself
 * refuses: a framing page could otherwise start a `?run=1` auto-run or overlay the buttons (clickjacking).
 */
export function isFramed(): boolean {
  return window.top !== window.self;
}

export function FramedNotice() {
  return (
    <main className="mx-auto max-w-lg p-8 text-center">
      <h1 className="text-xl font-semibold">MCP Auth Flow</h1>
      <p className="mt-4 text-slate-700" data-testid="framed-notice">
        Framed use refused: this app does not run inside another page. Open {window.location.origin} in its own tab.
      </p>
    </main>
  );
}
