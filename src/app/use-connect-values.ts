import { useEffect, useMemo, useState } from 'react';
import { DEFAULT_TIMEOUT_MS } from '../engine/flow/create-session.ts';
import type { FlowSettings } from '../engine/model/session.ts';
import { DEFAULT_SPEC_CHOICE } from '../engine/spec/default-choice.ts';
import type { ConnectValues } from '../features/connect/connect-values.ts';
import type { DemoConfig } from '../ui/demo-config.ts';
import { appBaseUrl } from '../ui/app-base.ts';
import { buildLink, type LinkSetup } from '../ui/share-link.ts';

/** The form's values: from the link first, then the demo's server, then the defaults. */
export function useConnectValues(link: LinkSetup, demo: DemoConfig | null | undefined) {
  // The scenario stays named only while the server URL is still the scenario's.
  const scenarioEntry = demo?.scenarios?.find((entry) => entry.id === link.scenario);
  const [values, setValues] = useState<ConnectValues>({
    server: link.server ?? '',
    spec: link.spec ?? DEFAULT_SPEC_CHOICE,
    timeoutSeconds: DEFAULT_TIMEOUT_MS / 1000,
    registration: {
      mode: link.mode ?? 'auto',
      ...(link.clientId ? { clientId: link.clientId } : {}),
      ...(link.clientMetadataUrl ? { clientMetadataUrl: link.clientMetadataUrl } : {}),
    },
    scopeOverride: link.scope ?? '',
  });

  /** The file the server URL was last taken from; see `adopt`. */
  const [adoptedFrom, setAdoptedFrom] = useState<{ server: string; fileName: string } | null>(null);

  useEffect(() => {
    if (!link.server && demo) setValues((current) => (current.server ? current : { ...current, server: demo.mcpServerUrl }));
  }, [demo, link.server]);

  const scenario = scenarioEntry && values.server === scenarioEntry.mcpUrl ? scenarioEntry.id : undefined;
  const shareLink = useMemo(
    () =>
      buildLink(
        appBaseUrl(),
        {
          server: values.server,
          spec: values.spec,
          mode: values.registration.mode,
          ...(values.registration.clientId ? { clientId: values.registration.clientId } : {}),
          ...(values.registration.clientMetadataUrl ? { clientMetadataUrl: values.registration.clientMetadataUrl } : {}),
          ...(values.scopeOverride ? { scope: values.scopeOverride } : {}),
          ...(scenario ? { scenario } : {}),
        },
        true,
      ),
    [values, scenario],
  );

  /**
   * A restored session (after a redirect, or an import) shows its own setup in the form, so Run all
   * reproduces it: that is what importing a colleague's trace is usually for. But a file can name
   * any server, and a crafted one could aim the next Run all at a hostile server; so when the URL
   * comes from a file, `serverSource` names the file, for a note next to the field that stays
   * until the user edits the URL.
   */
  const adopt = (settings: FlowSettings, fileName?: string) => {
    setAdoptedFrom(fileName === undefined ? null : { server: settings.serverUrl, fileName });
    setValues((current) => ({
      ...current,
      server: settings.serverUrl,
      spec: settings.autoVersion ? 'auto' : settings.specVersion,
      timeoutSeconds: Math.round(settings.timeoutMs / 1000),
      registration: { ...settings.registration, clientSecret: '' },
      scopeOverride: settings.scopeOverride ?? '',
    }));
  };
  const serverSource = adoptedFrom && adoptedFrom.server === values.server ? adoptedFrom.fileName : undefined;

  return { values, setValues, shareLink, adopt, serverSource, scenario: scenario ? scenarioEntry : undefined };
}
