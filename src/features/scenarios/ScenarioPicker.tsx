import { Dropdown } from '../../ui/Dropdown.tsx';
import type { DemoScenario } from '../../ui/demo-config.ts';
import { appBaseUrl } from '../../ui/app-base.ts';
import { scenarioLink } from './scenario-link.ts';

/**
 * The demo's teaching scenarios: each breaks one thing the way real servers do. A link loads one,
 * so a teacher can also prepare the links ahead of time.
 */
export function ScenarioPicker({ scenarios, current }: { scenarios: DemoScenario[]; current?: string }) {
  const active = scenarios.find((scenario) => scenario.id === current);
  return (
    <Dropdown label={`Scenarios${active ? `: ${active.title}` : ''}`} panelClassName="max-h-[70vh] w-[36rem] overflow-auto p-2" panelTestId="scenario-picker">
      {() => (
        <>
          <p className="px-2 pb-2 text-xs text-slate-600">
            Each demo scenario breaks one thing the way real servers do. Load one, then Run all or step through it.
          </p>
          <ul className="space-y-1">
            {scenarios.map((scenario) => (
              <li key={scenario.id}>
                <a
                  href={scenarioLink(appBaseUrl(), scenario)}
                  data-testid={`scenario-${scenario.id}`}
                  className={`block rounded-md px-2 py-1.5 hover:bg-sky-50 ${scenario.id === current ? 'bg-sky-100' : ''}`}
                >
                  <span className="text-sm font-semibold text-slate-900">{scenario.title}</span>
                  <span className="block text-xs text-slate-600">{scenario.breaks}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dropdown>
  );
}
