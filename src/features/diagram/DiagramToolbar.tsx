import type { StepStatus } from '../../engine/model/step.ts';
import { STEP_STATUS_STYLE } from '../../ui/status.ts';
import { classNames } from './class-names.ts';

export interface StepEntry {
  id: string;
  number: number;
  title: string;
  status: StepStatus;
}

interface Props {
  steps: StepEntry[];
  onGoTo(stepId: string): void;
  onZoom(factor: number): void;
  onFitWidth(): void;
  presenter: boolean;
}

const BUTTON = 'min-h-6 min-w-6 rounded border border-slate-300 bg-white px-2 font-semibold text-slate-800 hover:bg-slate-100';

/** Above the canvas, so the controls never cover a step: zoom, back to the reading zoom, and a jump to any step. */
export function DiagramToolbar({ steps, onGoTo, onZoom, onFitWidth, presenter }: Props) {
  return (
    <div
      className={classNames('flex shrink-0 items-center gap-1.5 border-b border-slate-200 bg-white px-2 py-1', presenter ? 'text-base' : 'text-xs')}
      data-testid="diagram-toolbar"
    >
      <button type="button" className={BUTTON} onClick={() => onZoom(1 / 1.2)} aria-label="Zoom out" title="Zoom out (Ctrl or ⌘ + scroll)">
        −
      </button>
      <button type="button" className={BUTTON} onClick={() => onZoom(1.2)} aria-label="Zoom in" title="Zoom in (Ctrl or ⌘ + scroll)">
        +
      </button>
      <button type="button" className={BUTTON} onClick={onFitWidth} title="Fit the diagram's width at a readable size">
        Fit view
      </button>
      <select
        aria-label="Go to step"
        value=""
        onChange={(event) => event.target.value && onGoTo(event.target.value)}
        className="min-h-6 max-w-[16rem] rounded border border-slate-300 bg-white px-1 text-slate-800"
      >
        <option value="">Go to step…</option>
        {steps.map((step) => (
          <option key={step.id} value={step.id}>
            {step.number}. {step.title} ({STEP_STATUS_STYLE[step.status].icon} {STEP_STATUS_STYLE[step.status].label})
          </option>
        ))}
      </select>
      {/* On a projector the room needs the height more than the hint. */}
      {!presenter && <span className="ml-auto truncate text-slate-500">Scroll to move · Ctrl or ⌘ + scroll to zoom</span>}
    </div>
  );
}
