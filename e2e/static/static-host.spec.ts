import { expect, test, type Page } from '@playwright/test';
import { startRelay, type RunningRelay } from '../../src/relay/start-relay.ts';
import { expectFlowStatus, openTab, stepBand } from '../support/flow-page.ts';
import { loginAndConsent } from '../support/login.ts';
import { BASE_PATH, STATIC_APP_URL, STATIC_MCP_ORIGIN, STATIC_MCP_URL, STATIC_ORIGIN, STATIC_PORTS } from './static-host.ts';

/** The Content-Security-Policy a built page carries in its meta tag (the static host sends no header). */
function metaPolicy(html: string): string {
  const tag = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/);
  if (!tag?.[1]) throw new Error('The page has no Content-Security-Policy meta tag.');
  return tag[1].replaceAll('&#39;', "'");
}

const findingIds = (page: Page) =>
  page
    .getByTestId('findings-panel')
    .getByTestId('finding')
    .evaluateAll((cards) => cards.map((card) => card.getAttribute('data-rule-id')));

test('both pages are real files under the sub-path, with a CSP that forbids inline script', async ({ request }) => {
  for (const page of ['', 'callback.html']) {
    const response = await request.get(`${STATIC_APP_URL}${page}`);
    expect(response.status(), page).toBe(200);
    const html = await response.text();
    const scriptSrc = metaPolicy(html)
      .split(';')
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc, page).toBe("script-src 'self'");
    // Every script is a file under the base; none is inline.
    expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html, page).toContain(`src="${BASE_PATH}assets/`);
  }
  // No SPA fallback here: a path that is not a file is a 404, which is why the callback must be one.
  expect((await request.get(`${STATIC_APP_URL}oauth/callback`)).status()).toBe(404);
});

test('a deep link runs the whole flow on the static host, the login ends on callback.html, and a tool call succeeds', async ({ page }) => {
  test.setTimeout(120_000);
  const popupPromise = page.waitForEvent('popup');
  await page.goto(`${BASE_PATH}?server=${encodeURIComponent(STATIC_MCP_URL)}&run=1`);
  // No demo config under the sub-path, no pairing: the app says so, and how to pair a relay.
  await expect(page.getByTestId('demo-status')).toHaveText('No demo servers here: enter any MCP server URL.');
  // The app lives under a sub-path, so the command names it: the link the relay prints must lead here.
  await expect(page.getByTestId('relay-absent')).toContainText(
    `npx mcp-auth-flow relay --allow-origin ${STATIC_ORIGIN} --app-url ${STATIC_APP_URL} on this machine`,
  );
  await expect(page.getByTestId('relay-absent')).toContainText('the app works fully without it');

  const popup = await popupPromise;
  /** Every page the login popup loaded, with the static host's status for it. */
  const loaded: Array<{ url: string; status: number }> = [];
  popup.on('response', (response) => {
    if (response.request().isNavigationRequest()) loaded.push({ url: response.url(), status: response.status() });
  });
  await loginAndConsent(popup);
  await expectFlowStatus(page, 'done');

  // The authorization server sent the popup to callback.html under the sub-path, a file the host served.
  const callback = loaded.find(({ url }) => url.startsWith(`${STATIC_APP_URL}callback.html?`));
  expect(callback, JSON.stringify(loaded)).toBeDefined();
  expect(callback?.status).toBe(200);
  expect(new URL(callback?.url ?? '').searchParams.get('code')).toBeTruthy();
  await expect(stepBand(page, 'callback')).toHaveAttribute('data-status', 'ok');

  const echo = page.locator('[data-tool="echo"]');
  await echo.getByLabel('Arguments for echo').fill('{"message": "from a static host"}');
  await echo.getByRole('button', { name: 'Call echo' }).click();
  await expect(echo.getByTestId('tool-result')).toHaveAttribute('data-ok', 'true');
  await expect(echo.getByTestId('tool-result')).toContainText('from a static host');
});

test.describe('paired with a relay by link', () => {
  let relay: RunningRelay;

  test.beforeAll(async () => {
    relay = await startRelay({ port: STATIC_PORTS.relay, allowedOrigins: [STATIC_ORIGIN] });
  });

  test.afterAll(() => relay?.close());

  test('the pairing link pairs the tab, the relay explains a CORS block, and Unpair forgets it', async ({ page }) => {
    test.setTimeout(90_000);
    const noCors = `${STATIC_MCP_ORIGIN}/s/no-cors/mcp`;
    const deepLink = `${BASE_PATH}?server=${encodeURIComponent(noCors)}`;

    // Without the relay the browser's block stays unexplained: no verdict names the missing header.
    await page.goto(deepLink);
    await page.getByRole('button', { name: /Run all/ }).click();
    await expectFlowStatus(page, 'failed');
    await expect(stepBand(page, 'mcp-unauthenticated')).toHaveAttribute('data-status', 'blocked');
    await openTab(page, 'Findings');
    expect(await findingIds(page)).not.toContain('cors.no-allow-origin');

    // The link `relay --allow-origin` prints: the relay address and the secret in the fragment. Pasted
    // into this tab's address it changes only the fragment, so the page does not reload.
    await page.goto(`${deepLink}#relay=${encodeURIComponent(relay.url)}&secret=${encodeURIComponent(relay.secret)}`);
    await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${relay.url}.`);
    await expect(page.getByTestId('relay-not-answering')).toHaveCount(0);
    // The fragment left the address; the secret is in this tab's sessionStorage, never in localStorage.
    expect(new URL(page.url()).hash).toBe('');
    expect(page.url()).toBe(`${STATIC_ORIGIN}${deepLink}`);
    const stored = await page.evaluate(() => ({ session: JSON.stringify(sessionStorage), local: JSON.stringify(localStorage) }));
    expect(stored.session).toContain(relay.secret);
    expect(stored.local).not.toContain(relay.secret);

    await page.getByRole('button', { name: /Run all/ }).click();
    await expectFlowStatus(page, 'failed');
    await openTab(page, 'Findings');
    const verdict = page.getByTestId('findings-panel').locator('[data-rule-id="cors.no-allow-origin"]').first();
    await expect(verdict).toContainText('Access-Control-Allow-Origin');

    // A reload keeps the pairing (same tab); Unpair ends it.
    await page.reload();
    await expect(page.getByTestId('relay-paired')).toBeVisible();
    await page.getByRole('button', { name: 'Unpair' }).click();
    await expect(page.getByTestId('relay-absent')).toBeVisible();
    // The button is gone; a keyboard user is left on what replaced it (the text and its copy button), not at the page's start.
    expect(await page.evaluate(() => document.querySelector('[data-testid="relay-status"]')?.contains(document.activeElement))).toBe(true);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(relay.secret);
  });

  test('a link for another relay in a paired tab only asks: the old relay is used until the user picks the new one', async ({ page }) => {
    test.setTimeout(90_000);
    // Another relay on this machine, on a free port: in an attack, another local user's process.
    const other = await startRelay({ port: 0, allowedOrigins: [STATIC_ORIGIN] });
    try {
      const deepLink = `${BASE_PATH}?server=${encodeURIComponent(`${STATIC_MCP_ORIGIN}/s/no-cors/mcp`)}`;
      const pairingLink = (paired: RunningRelay) => `${deepLink}#relay=${encodeURIComponent(paired.url)}&secret=${encodeURIComponent(paired.secret)}`;
      /** The relays this tab called (their origins), in the order it called them. */
      const called: string[] = [];
      page.on('request', (request) => {
        const origin = new URL(request.url()).origin;
        if (origin === relay.url || origin === other.url) called.push(origin);
      });
      const runUsesRelay = async (expected: RunningRelay) => {
        called.length = 0;
        await page.getByRole('button', { name: /Run all/ }).click();
        await expectFlowStatus(page, 'failed');
        await openTab(page, 'Findings');
        await expect(page.getByTestId('findings-panel').locator('[data-rule-id="cors.no-allow-origin"]').first()).toBeVisible();
        expect(called.length).toBeGreaterThan(0);
        expect(new Set(called)).toEqual(new Set([expected.url]));
      };

      await page.goto(pairingLink(relay));
      await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${relay.url}.`);
      // The second link, pasted into the same tab: the page asks, and the secret leaves the address at once.
      await page.goto(pairingLink(other));
      const offer = page.getByTestId('pairing-offer');
      const otherPort = new URL(other.url).port;
      const relayPort = new URL(relay.url).port;
      await expect(offer).toContainText(`This link asks to pair this tab with the relay at ${other.url} instead of the one at ${relay.url}.`);
      expect(page.url()).toBe(`${STATIC_ORIGIN}${deepLink}`);
      await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${relay.url}.`);
      // The offered secret is held in memory only: not in any storage.
      const stored = await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage));
      expect(stored).toContain(relay.secret);
      expect(stored).not.toContain(other.secret);
      // Until the user answers, the old pairing carries this tab's traffic.
      await runUsesRelay(relay);

      // Both answers are reachable with the keyboard: Tab from the first lands on the second.
      const accept = offer.getByRole('button', { name: `Pair with ${otherPort}` });
      await accept.focus();
      await page.keyboard.press('Tab');
      await expect(offer.getByRole('button', { name: `Keep ${relayPort}` })).toBeFocused();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Enter');
      await expect(offer).toHaveCount(0);
      await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${other.url}.`);
      // Focus stays on the relay line, which now names the relay in use.
      expect(await page.evaluate(() => document.querySelector('[data-testid="relay-status"]')?.contains(document.activeElement))).toBe(true);
      expect(await page.evaluate(() => JSON.stringify(sessionStorage))).toContain(other.secret);
      await runUsesRelay(other);

      // "Keep" drops an offer and changes nothing; a link for the pairing in use asks nothing.
      await page.goto(pairingLink(relay));
      await page
        .getByTestId('pairing-offer')
        .getByRole('button', { name: `Keep ${otherPort}` })
        .click();
      await expect(page.getByTestId('pairing-offer')).toHaveCount(0);
      await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${other.url}.`);
      await page.goto(pairingLink(other));
      expect(page.url()).toBe(`${STATIC_ORIGIN}${deepLink}`);
      await expect(page.getByTestId('pairing-offer')).toHaveCount(0);
      await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${other.url}.`);
    } finally {
      await other.close();
    }
  });

  test('a pairing link opened in a new tab pairs it at load', async ({ page }) => {
    await page.goto(`${BASE_PATH}#relay=${encodeURIComponent(relay.url)}&secret=${encodeURIComponent(relay.secret)}`);
    await expect(page.getByTestId('relay-paired')).toHaveText(`Paired with the relay at ${relay.url}.`);
    expect(page.url()).toBe(STATIC_APP_URL);
  });

  test('a paired relay that does not answer is named as such', async ({ page }) => {
    // Nothing listens on 7299 (this helper's own range; the static-host ports are 6373-6376).
    await page.goto(`${BASE_PATH}#relay=${encodeURIComponent('http://127.0.0.1:7299')}&secret=${encodeURIComponent(relay.secret)}`);
    await expect(page.getByTestId('relay-paired')).toHaveText('Paired with the relay at http://127.0.0.1:7299.');
    const notAnswering = page.getByTestId('relay-not-answering');
    await expect(notAnswering).toContainText('The relay at http://127.0.0.1:7299 is not answering.');
    // An http page is local itself: no local network prompt to explain.
    await expect(notAnswering).not.toContainText('local network');
  });

  test('a pairing link naming a relay that is not on loopback is refused and leaves the address', async ({ page }) => {
    await page.goto(`${BASE_PATH}#relay=${encodeURIComponent('http://evil.example:6376')}&secret=${encodeURIComponent(relay.secret)}`);
    await expect(page.getByTestId('pairing-refused')).toContainText('The pairing link was not used');
    await expect(page.getByTestId('relay-absent')).toBeVisible();
    expect(page.url()).toBe(STATIC_APP_URL);
  });
});
