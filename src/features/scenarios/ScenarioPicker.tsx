import { useState } from 'react';
import type { DemoScenario } from '../connect/demo-config.ts';
import { scenarioLink } from './scenario-link.ts';

/**
 * The demo's teaching scenarios: each breaks one thing the way real servers do. A link loads one,
 * so a teacher can also prepare the links ahead of time.
 */
export function ScenarioPicker({ scenarios, current }: { scenarios: DemoScenario[]; current?: string }) {
  const [open, setOpen] = useState(false);
  const active = scenarios.find((scenario) => scenario.id === current);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100"
      >
        Scenarios{active ? `: ${active.title}` : ''}
      </button>
      {open && (
        <div className="absolute right-0 z-40 mt-1 max-h-[70vh] w-[36rem] max-w-[90vw] overflow-auto rounded-lg border border-slate-200 bg-white p-2 shadow-xl" data-testid="scenario-picker">
          <p className="px-2 pb-2 text-xs text-slate-600">Each demo scenario breaks one thing the way real servers do. Load one, then Run all or step through it.</p>
          <ul className="space-y-1">
            {scenarios.map((scenario) => (
              <li key={scenario.id}>
                <a
                  href={scenarioLink(window.location.origin, scenario)}
                  data-testid={`scenario-${scenario.id}`}
                  className={`block rounded-md px-2 py-1.5 hover:bg-sky-50 ${scenario.id === current ? 'bg-sky-100' : ''}`}
                >
                  <span className="text-sm font-semibold text-slate-900">{scenario.title}</span>
                  <span className="block text-xs text-slate-600">{scenario.breaks}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
