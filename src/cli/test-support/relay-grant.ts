/** Asks a relay for a grant as the app does at the start of a run; the status says whether it would serve that page. */
export async function askForGrant(relayUrl: string, { origin, secret }: { origin: string; secret: string }): Promise<number> {
  const response = await fetch(`${relayUrl}/grants`, {
    method: 'POST',
    headers: { origin, 'x-relay-secret': secret, 'content-type': 'application/json' },
    body: JSON.stringify({ serverUrl: 'https://mcp.example.com/mcp' }),
  });
  return response.status;
}
