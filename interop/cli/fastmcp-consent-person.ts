/**
 * The person at fastmcp's consent page, for the CLI: it opens the authorize URL, presses Approve
 * (a form POST of the page's transaction id), and follows the redirects through the upstream
 * identity provider, which approves at once, back to the CLI's loopback callback.
 */
export function approveOnFastmcpConsentPage(authorizeUrl: string): void {
  void approve(authorizeUrl).catch((error: unknown) => console.error('The scripted consent failed:', error));
}

async function approve(authorizeUrl: string): Promise<void> {
  const page = await (await fetch(authorizeUrl)).text();
  // The page's one form: <input type="hidden" name="transaction_id" value="…">
  const transactionId = /name="transaction_id" value="([^"]*)"/.exec(page)?.[1];
  if (!transactionId) throw new Error(`No consent form in:\n${page.slice(0, 500)}`);
  let response = await fetch(new URL('/oauth/consent', authorizeUrl), {
    method: 'POST',
    body: new URLSearchParams({ transaction_id: transactionId, action: 'approve' }),
    redirect: 'manual',
  });
  for (let hop = 0; hop < 5 && response.headers.get('location'); hop += 1) {
    response = await fetch(new URL(response.headers.get('location') ?? '', response.url || authorizeUrl), { redirect: 'manual' });
  }
}
