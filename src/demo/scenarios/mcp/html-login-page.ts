import type { RequestHandler } from 'express';

const LOGIN_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in · Example SSO</title></head>
<body>
<h1>Sign in to continue</h1>
<form method="post" action="/login">
  <label>Email <input name="email" type="email"></label>
  <label>Password <input name="password" type="password"></label>
  <button type="submit">Sign in</button>
</form>
</body>
</html>`;

/** What a login wall, SSO proxy or SPA fallback answers for any URL it does not know: 200 and HTML. */
export const sendHtmlLoginPage: RequestHandler = (_req, res) => {
  res.status(200).type('html').send(LOGIN_PAGE);
};
