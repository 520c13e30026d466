import type { FlowSession } from '../model/session.ts';
import { PROVIDERS } from './catalog.ts';
import type { ProviderProfile } from './profile.ts';
import { providerViewOf, type ProviderView } from './view.ts';

export type { ProviderExplanation, ProviderView } from './view.ts';

/**
 * The provider view of a run against the whole catalog: for the CLI, the JSON report and tests, in
 * Node, where loading every profile at once costs nothing. The app loads the catalog lazily and calls
 * providerViewOf (view.ts) itself, so the profiles' text stays out of its first bundle.
 */
export function providerView(session: FlowSession, profiles: readonly ProviderProfile[] = PROVIDERS): ProviderView {
  return providerViewOf(session, profiles);
}
