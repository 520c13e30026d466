/**
 * The two pages better-auth's OAuth provider sends the person to (its `loginPage` and `consentPage`),
 * ours because better-auth ships none. Each posts the page's signed query (`oauth_query`, which the
 * provider signed when it redirected here) with the person's answer to better-auth's own API, which
 * answers `{ redirect: true, url }` with where to go next: the consent page, or the client's callback.
 */
export function betterAuthPage(kind: 'login' | 'consent'): string {
  const form =
    kind === 'login'
      ? `<label>Email <input name="email" type="email" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button>Sign in</button>`
      : `<p>Allow this client to use the MCP server?</p><button>Allow</button>`;
  const call =
    kind === 'login'
      ? `['/api/auth/sign-in/email', { email: form.email.value, password: form.password.value }]`
      : `['/api/auth/oauth2/consent', { accept: true }]`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>better-auth ${kind}</title></head><body>
<form id="form">${form}</form><p id="error" role="alert"></p>
<script>
const form = document.getElementById('form');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const [path, body] = ${call};
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, oauth_query: location.search.slice(1) }),
  });
  const answer = await response.json().catch(() => ({}));
  const next = answer.url ?? answer.redirect_uri;
  if (next) location.assign(next);
  else document.getElementById('error').textContent = response.status + ' ' + JSON.stringify(answer);
});
</script></body></html>`;
}
