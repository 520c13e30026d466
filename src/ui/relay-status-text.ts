/** What the app says about the relay, in one place, as plain text (it is rendered as text). */

/** The page's origin, for the command to type; a placeholder where there is no page (server rendering in tests). */
export function currentPageOrigin(): string {
  return typeof window === 'undefined' ? '<this page’s origin>' : window.location.origin;
}

/** Whether the page is a public https page: its calls to a relay on loopback meet Chrome's local network checks. */
export function isHttpsPage(): boolean {
  return typeof window !== 'undefined' && window.location.protocol === 'https:';
}

/** The app's own address (its folder, without the file, query or fragment): where a pairing link must lead. */
export function currentAppUrl(): string | undefined {
  return typeof window === 'undefined' ? undefined : new URL('.', window.location.href).href;
}

/**
 * The command that starts a relay for this page. The relay's pairing link goes to the origin's root unless
 * told otherwise, so an app under a sub-path (GitHub Pages: /<repo>/) names itself with --app-url.
 */
export function pairCommand(origin: string, appUrl = currentAppUrl()): string {
  const command = `npx mcp-auth-flow relay --allow-origin ${origin}`;
  return appUrl && appUrl !== `${origin}/` && appUrl.startsWith(`${origin}/`) ? `${command} --app-url ${appUrl}` : command;
}

/** No demo config and no pairing: the app works, and this is how to add the relay. */
export function relayAbsentText(origin: string, appUrl = currentAppUrl()): string {
  return `No relay: the app works fully without it; the relay only explains what CORS blocked and can get past it. To pair one, run ${pairCommand(origin, appUrl)} on this machine and open the link it prints.`;
}

/** Where a relay control is disabled because there is none. */
export function relayUnavailableText(origin: string, appUrl = currentAppUrl()): string {
  return `No relay is paired with this page. To pair one, run ${pairCommand(origin, appUrl)} and open the link it prints; npm start runs one with the demo.`;
}

export function pairedText(url: string): string {
  return `Paired with the relay at ${url}.`;
}

/** The question a pairing link for another relay (or another secret) asks in a tab that is paired already, and its two answers. */
export function pairingOfferText(offered: string, current: string): { question: string; accept: string; keep: string } {
  if (offered === current) {
    return {
      question: `This link asks to pair this tab with the relay at ${offered} again, with a new secret instead of the one it uses now.`,
      accept: 'Use the new secret',
      keep: 'Keep the current secret',
    };
  }
  return {
    question: `This link asks to pair this tab with the relay at ${offered} instead of the one at ${current}.`,
    accept: `Pair with ${new URL(offered).port}`,
    keep: `Keep ${new URL(current).port}`,
  };
}

/**
 * Chrome's Local Network Access (Chrome 142 and later, https://developer.chrome.com/blog/local-network-access)
 * asks the user before a public https page may reach a loopback address; earlier versions sent a
 * Private Network Access preflight, which the relay answers. A blocked prompt looks like a relay
 * that does not run, so the app says what to look for.
 */
export const LOCAL_NETWORK_PROMPT_TEXT =
  'This page is served over https and the relay runs on your machine, so Chrome asks first whether to allow this site to access devices on your local network (“Look for and connect to any device on your local network”). Choose Allow. If you chose Block, open the site settings (the icon left of the address), set Local network access to Allow, and reload.';

/** The relay does not answer GET /health. */
export function relayNotAnsweringText(url: string, httpsPage: boolean): string {
  const text = `The relay at ${url} is not answering. Start it again (npm start, or ${pairCommand(currentPageOrigin())} and open the new link it prints), then reload.`;
  return httpsPage ? `${text} ${LOCAL_NETWORK_PROMPT_TEXT}` : text;
}
