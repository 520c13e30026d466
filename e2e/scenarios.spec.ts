import { expect, test, type Page } from '@playwright/test';
import { expectFlowStatus, openTab } from './support/flow-page.ts';
import { loginAndConsent } from './support/login.ts';
import { e2eUrls } from './support/ports.ts';

/**
 * Every teaching scenario the demo serves, loaded the way the scenario picker loads it, run in a
 * real browser: each must raise its own finding, and the healthy one none. The list comes from the
 * running demo, so a new scenario without a test here fails the meta check below.
 */
interface DemoScenario {
  id: string;
  title: string;
  rules: string[];
  mcpUrl: string;
  clientId?: string;
  spec?: string;
}

type Play = (page: Page) => Promise<void>;

const runAll = (page: Page) => page.getByRole('button', { name: /Run all/ }).click();

async function runWithLogin(page: Page) {
  const popup = page.waitForEvent('popup');
  await runAll(page);
  await loginAndConsent(await popup);
}

/** How each scenario is driven until its finding shows; most only need Run all. */
const PLAYS: Record<string, Play> = {
  healthy: async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
  },
  'challenge-not-exposed': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
  },
  'no-cors': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
  'preflight-needs-auth': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
  'token-no-cors': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'failed');
  },
  'no-challenge': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
  },
  'prm-root-only': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
  },
  'prm-resource-mismatch': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
  'no-dcr': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
  'pkce-not-advertised': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
    // A debugger does not halt at the first problem: continue, off-spec, to the end.
    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: /Continue anyway/ }).click();
    await loginAndConsent(await popup);
    await expectFlowStatus(page, 'done');
    await expect(page.getByTestId('step-band-registration')).toContainText('off-spec');
  },
  'issuer-mismatch': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
  'wrong-iss': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'failed');
  },
  'redirect-uri-mismatch': async (page) => {
    const popupPromise = page.waitForEvent('popup');
    await runAll(page);
    const popup = await popupPromise;
    // The authorization server shows its own error page and never redirects back; the user gives up.
    await expect(popup.locator('body')).toContainText(/redirect/i);
    await popup.close();
    // The app cannot tell a closed window from one cut off by Cross-Origin-Opener-Policy, so the user says so.
    await page.getByRole('button', { name: 'Cancel login' }).click();
    await expectFlowStatus(page, 'failed');
  },
  'accepts-any-token': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
    await page.getByRole('button', { name: 'Audit the server' }).click();
    await expect(page.getByTestId('step-band-audit')).toHaveAttribute('data-status', 'failed');
  },
  'step-up': async (page) => {
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
    const popup = page.waitForEvent('popup');
    await page.locator('[data-tool="echo"]').getByRole('button', { name: 'Call echo' }).click();
    await loginAndConsent(await popup);
    await expect(page.locator('[data-tool="echo"]').getByTestId('tool-result')).toHaveAttribute('data-ok', 'true');
  },
  'legacy-2025-03-26': async (page) => {
    await expect(page.getByLabel('Spec version')).toHaveValue('2025-03-26');
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
  },
  'html-not-json': async (page) => {
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
  'metadata-behind-gateway': async (page) => {
    // The guarded URL is blocked; the browser tries the well-known URL next, as the CLI does, and gets through.
    await runWithLogin(page);
    await expectFlowStatus(page, 'done');
  },
  'never-answers': async (page) => {
    await page.getByLabel('Timeout (s)').fill('2');
    await runAll(page);
    await expectFlowStatus(page, 'failed');
  },
};

let scenarios: DemoScenario[] = [];
test.beforeAll(async ({ request }) => {
  scenarios = (await (await request.get(`${e2eUrls.app}/__demo/config.json`)).json()).scenarios;
});

test('every scenario the demo serves has a test here', () => {
  expect(scenarios.map((scenario) => scenario.id).sort()).toEqual(Object.keys(PLAYS).sort());
});

for (const id of Object.keys(PLAYS)) {
  test(`scenario ${id} raises its own finding`, async ({ page }) => {
    test.setTimeout(90_000);
    const scenario = scenarios.find((entry) => entry.id === id)!;
    await page.goto('/');
    await page.getByRole('button', { name: /^Scenarios/ }).click();
    await page.getByTestId(`scenario-${id}`).click();
    await expect(page.getByTestId('scenario-banner')).toContainText(scenario.title);
    await PLAYS[id]!(page);

    await openTab(page, 'Findings');
    const panel = page.getByTestId('findings-panel');
    if (scenario.rules.length === 0) {
      await expect(panel.getByTestId('no-findings')).toBeVisible();
      return;
    }
    for (const rule of scenario.rules) await expect(panel.locator(`[data-rule-id="${rule}"]`).first()).toBeVisible();
  });
}

test('no-dcr completes once the pre-registered client id the banner names is entered', async ({ page }) => {
  const scenario = scenarios.find((entry) => entry.id === 'no-dcr')!;
  await page.goto('/');
  await page.getByRole('button', { name: /^Scenarios/ }).click();
  await page.getByTestId('scenario-no-dcr').click();
  await expect(page.getByTestId('scenario-banner')).toContainText(scenario.clientId!);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel(/^Client id/).fill(scenario.clientId!);
  await runWithLogin(page);
  await expectFlowStatus(page, 'done');
  await expect(page.getByTestId('step-band-registration')).toContainText(`Using the pre-registered client ${scenario.clientId}`);
});
