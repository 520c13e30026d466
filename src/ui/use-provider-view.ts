import { useEffect, useState } from 'react';
import type { FlowSession } from '../engine/model/session.ts';
import type { ProviderProfile } from '../engine/providers/profile.ts';
import { providerViewOf, type ProviderView } from '../engine/providers/view.ts';

/**
 * The provider profiles, loaded once a run has something to recognise: the catalog's text is a few
 * kilobytes that the first page does not need, so it comes in its own chunk (the bundle budget).
 */
let profiles: readonly ProviderProfile[] | undefined;
let loading: Promise<readonly ProviderProfile[]> | undefined;

function loadProfiles(): Promise<readonly ProviderProfile[]> {
  loading ??= import('../engine/providers/catalog.ts').then((catalog) => (profiles = catalog.PROVIDERS));
  return loading;
}

/** The profiles if they have arrived (the report export passes them on); none before. */
export function loadedProviderProfiles(): readonly ProviderProfile[] {
  return profiles ?? [];
}

const NOTHING: ProviderView = { explanations: {} };

/** The run's provider view (providerViewOf): nothing until the profiles have loaded, which the first exchange starts. */
export function useProviderView(session: FlowSession | null): ProviderView {
  const [ready, setReady] = useState(profiles);
  const wanted = (session?.exchanges.length ?? 0) > 0;
  useEffect(() => {
    if (wanted && !ready) void loadProfiles().then(setReady);
  }, [wanted, ready]);
  return session && ready ? providerViewOf(session, ready) : NOTHING;
}
