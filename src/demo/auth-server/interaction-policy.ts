import type { interactionPolicy as InteractionPolicy } from 'oidc-provider';

/**
 * The demo shows the login page and the consent page on every authorization request, even
 * when the browser already has a session or the client already has a grant. A workshop
 * stepping through the flow (and an e2e test) then always sees the same pages.
 */
export function everyRequestInteractionPolicy({ base, Check }: typeof InteractionPolicy) {
  const policy = base();
  policy
    .get('login')
    ?.checks.add(
      new Check('demo_every_request', 'The demo asks the user to sign in on every authorization request', (ctx) =>
        ctx.oidc.result?.login ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
      ),
    );
  policy
    .get('consent')
    ?.checks.add(
      new Check('demo_every_request', 'The demo asks the user to consent on every authorization request', (ctx) =>
        ctx.oidc.result?.consent ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT,
      ),
    );
  return policy;
}
