import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { StepStatus } from '../../engine/model/step.ts';
import { SEVERITY_STYLE, STEP_STATUS_STYLE } from '../../ui/status.ts';
import { classNames } from './class-names.ts';
import { useSelectButton } from './diagram-actions.ts';
import type { StepBandDiagramNode } from './diagram-nodes.ts';

// Failed and blocked bands are tinted and heavily bordered so a broken step shows at a glance.
const BAND_SURFACE: Record<StepStatus, string> = {
  pending: 'bg-slate-50/75 border-dashed',
  running: 'bg-sky-50/80 border-2',
  ok: 'bg-white/75',
  warning: 'bg-amber-50/80 border-2',
  failed: 'bg-red-50/85 border-[3px]',
  blocked: 'bg-fuchsia-50/85 border-[3px]',
  skipped: 'bg-slate-50/75 border-dashed',
};

const CURRENT_COLOUR = '#4f46e5';

export const StepBandNode = memo(function StepBandNode({ data }: NodeProps<StepBandDiagramNode>) {
  const status = STEP_STATUS_STYLE[data.status];
  const button = useSelectButton({ kind: 'step', id: data.stepId }, data.ariaLabel, true);
  const muted = data.status === 'pending' || data.status === 'skipped';
  return (
    <div
      {...button}
      data-testid={`step-band-${data.stepId}`}
      data-status={data.status}
      data-current={data.current || undefined}
      aria-pressed={data.picked}
      style={borderColours(status.stroke, data.current ? CURRENT_COLOUR : status.stroke)}
      className={classNames(
        'h-full w-full cursor-pointer rounded-xl border px-3 py-1.5 text-slate-900 transition-shadow',
        'focus-visible:outline-[3px] focus-visible:outline-offset-4 focus-visible:outline-slate-900',
        BAND_SURFACE[data.status],
        data.current && 'border-l-[10px] border-solid shadow-lg shadow-indigo-200',
        data.picked && 'ring-4 ring-blue-600 ring-offset-2',
        data.offSpec && 'bg-[repeating-linear-gradient(135deg,transparent,transparent_12px,rgba(220,38,38,0.06)_12px,rgba(220,38,38,0.06)_24px)]',
      )}
    >
      <div className="flex items-center gap-2 leading-tight">
        <span className="flex size-[1.7em] shrink-0 items-center justify-center rounded-full bg-slate-800 text-[0.95em] font-bold text-white">
          {data.number}
        </span>
        <span className={classNames('truncate text-[1.2em] font-semibold', muted && 'text-slate-500')} title={data.title}>
          {data.title}
        </span>
        <span className={classNames('shrink-0 rounded-full border px-2 text-[0.95em] font-semibold whitespace-nowrap', status.className)}>
          <span aria-hidden="true">{status.icon}</span> {status.label}
        </span>
        {data.current && (
          <span className="shrink-0 rounded-full bg-indigo-600 px-2 text-[0.95em] font-bold whitespace-nowrap text-white">
            ▶ {data.status === 'running' ? 'now' : 'next'}
          </span>
        )}
        {data.offSpec && (
          <span
            className="shrink-0 rounded-full border border-dashed border-red-700 px-2 text-[0.95em] font-bold whitespace-nowrap text-red-800"
            title="The flow continued past an error: a conforming client would have stopped"
          >
            off-spec
          </span>
        )}
        <FindingCount severity="error" count={data.errorCount} />
        <FindingCount severity="warning" count={data.warningCount} />
      </div>
      {data.summary ? (
        <div className="mt-0.5 truncate pl-[2.2em] text-[1em] text-slate-700" title={data.summary}>
          {data.summary}
        </div>
      ) : (
        <div className="mt-0.5 truncate pl-[2.2em] text-[1em] text-slate-500 italic" title={data.hint}>
          {data.hint}
        </div>
      )}
    </div>
  );
});

/** Four longhands, never the shorthand with one of them: React warns when a re-render mixes the two. */
function borderColours(colour: string, left: string) {
  return { borderTopColor: colour, borderRightColor: colour, borderBottomColor: colour, borderLeftColor: left };
}

function FindingCount({ severity, count }: { severity: 'error' | 'warning'; count: number }) {
  if (count === 0) return null;
  const style = SEVERITY_STYLE[severity];
  const words = `${count} ${severity}${count === 1 ? '' : 's'}`;
  return (
    <span className={classNames('shrink-0 rounded border px-1.5 text-[0.9em] font-semibold whitespace-nowrap', style.className)} title={words}>
      <span aria-hidden="true">{style.icon}</span> {words}
    </span>
  );
}
