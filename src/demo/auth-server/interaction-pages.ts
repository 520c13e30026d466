import { escapeHtml } from './escape-html.ts';

/** No script on these pages, so the policy forbids everything but inline style. */
export const INTERACTION_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; background: #f4f5f7; color: #1c1e21; margin: 0; }
  main { max-width: 26rem; margin: 4rem auto; background: #fff; padding: 2rem; border-radius: 8px;
         box-shadow: 0 1px 4px rgba(0, 0, 0, .15); }
  h1 { font-size: 1.4rem; margin-top: 0; }
  .note { color: #555; font-size: .9rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #999; border-radius: 4px; }
  dt { font-weight: 600; margin-top: .75rem; }
  dd { margin: .25rem 0 0; overflow-wrap: anywhere; }
  code { background: #eef0f3; padding: 0 .25rem; border-radius: 3px; }
  .actions { display: flex; gap: .75rem; margin-top: 1.5rem; }
  button { font: inherit; padding: .5rem 1.25rem; border-radius: 4px; border: 1px solid #1a56db; cursor: pointer; }
  .primary { background: #1a56db; color: #fff; }
  .secondary { background: #fff; color: #1a56db; }
  form.inline { display: inline; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · MCP Auth Flow demo authorization server</title>
<style>${STYLE}</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** basePath: where the interaction routes are mounted, e.g. /interaction or /s/<scenario>/interaction. */
const actionUrl = (basePath: string, uid: string, action: 'login' | 'confirm' | 'abort') => `${basePath}/${encodeURIComponent(uid)}/${action}`;

export function renderLoginPage({ basePath, uid, clientName }: { basePath: string; uid: string; clientName: string }): string {
  return page(
    'Sign in',
    `<h1>Sign in</h1>
<p><strong>${escapeHtml(clientName)}</strong> wants to use the demo MCP server on your behalf.</p>
<p class="note">This is a demo authorization server: any username and password are accepted.</p>
<form method="post" action="${actionUrl(basePath, uid, 'login')}">
  <label for="username">Username</label>
  <input id="username" name="username" type="text" autocomplete="username" autofocus>
  <label for="password">Password</label>
  <input id="password" name="password" type="password" autocomplete="current-password">
  <div class="actions"><button type="submit" class="primary">Sign in</button></div>
</form>`,
  );
}

export interface ConsentPageModel {
  basePath: string;
  uid: string;
  clientName: string;
  clientId: string;
  accountId: string;
  scopes: string[];
  resources: string[];
}

export function renderConsentPage(model: ConsentPageModel): string {
  const list = (values: string[], empty: string) =>
    values.length === 0 ? `<dd>${empty}</dd>` : values.map((value) => `<dd><code>${escapeHtml(value)}</code></dd>`).join('\n');

  return page(
    'Allow access?',
    `<h1>Allow access?</h1>
<p><strong>${escapeHtml(model.clientName)}</strong> is asking to act as <strong>${escapeHtml(model.accountId)}</strong>.</p>
<dl>
  <dt>Client</dt>
  <dd>${escapeHtml(model.clientName)}</dd>
  <dd class="note">client_id <code>${escapeHtml(model.clientId)}</code></dd>
  <dt>Scopes</dt>
  ${list(model.scopes, 'none requested')}
  <dt>Resource</dt>
  ${list(model.resources, 'none named')}
</dl>
<div class="actions">
  <form class="inline" method="post" action="${actionUrl(model.basePath, model.uid, 'confirm')}"><button type="submit" class="primary">Allow</button></form>
  <form class="inline" method="post" action="${actionUrl(model.basePath, model.uid, 'abort')}"><button type="submit" class="secondary">Deny</button></form>
</div>`,
  );
}

/** oidc-provider's renderError: errors it cannot send back to a redirect_uri (unknown client, bad redirect_uri). */
export function renderAuthorizationErrorPage(out: { error: string; error_description?: string | undefined }): string {
  return page(
    'Authorization error',
    `<h1>Authorization error</h1>
<p><code>${escapeHtml(out.error)}</code></p>
<p>${escapeHtml(out.error_description ?? '')}</p>
<p class="note">The request cannot go back to the client, so the demo authorization server shows it here.</p>`,
  );
}

export function renderInteractionErrorPage(message: string): string {
  return page(
    'Sign-in problem',
    `<h1>Sign-in problem</h1>
<p>${escapeHtml(message)}</p>
<p class="note">Start the authorization again from the app.</p>`,
  );
}
