import type { DemoScenario } from '../../ui/demo-config.ts';

/** Under the controls while a scenario is loaded: what it breaks, so the class knows what to look for. */
export function ScenarioBanner({ scenario }: { scenario: DemoScenario }) {
  return (
    <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-1.5 text-sm text-amber-950" data-testid="scenario-banner">
      <span className="font-semibold">Scenario: {scenario.title}.</span> {scenario.breaks}
      {scenario.clientId && (
        <>
          {' '}
          Its pre-registered client id is <code className="rounded bg-white px-1">{scenario.clientId}</code> (Settings → Client id).
        </>
      )}
    </p>
  );
}
