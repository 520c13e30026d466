import { expect, test } from '@playwright/test';
import { activate, completeLoginWhenAsked, expectFlowStatus, stepBand } from './support/flow-page.ts';
import { e2eUrls } from './support/ports.ts';

test('a pre-registered client id is used as is: no registration request is made', async ({ page, request }) => {
  // Register out of band, as an administrator would.
  const metadata = await (await request.get(`${e2eUrls.issuer}/.well-known/oauth-authorization-server`)).json();
  const registered = await request.post(metadata.registration_endpoint, {
    data: {
      redirect_uris: [`${e2eUrls.app}/callback.html`],
      token_endpoint_auth_method: 'none',
      application_type: 'native',
      grant_types: ['authorization_code'],
      client_name: 'Pre-registered by hand',
    },
  });
  expect(registered.status()).toBe(201);
  const { client_id: clientId } = await registered.json();

  await page.goto('/');
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Registration').selectOption('pre-registered');
  await page.getByLabel(/^Client id/).fill(clientId);
  await completeLoginWhenAsked(page, () => page.getByRole('button', { name: /Run all/ }).click());
  await expectFlowStatus(page, 'done');

  await expect(stepBand(page, 'registration')).toContainText(`Using the pre-registered client ${clientId}`);
  await activate(stepBand(page, 'registration'));
  await expect(page.getByTestId('step-panel').getByRole('button', { name: /POST \/reg/ })).toHaveCount(0);
  await expect(page.getByTestId('tools-list')).toContainText('echo');
  // The link carries the mode and the client id, never a secret.
  await expect(page.getByRole('button', { name: 'Copy link' })).toHaveAttribute('title', new RegExp(`mode=pre-registered&client_id=${clientId}`));
});
