import type { StepStatus } from '../engine/model/step.ts';
import type { Severity } from '../engine/model/finding.ts';

/** Status is always shown as colour plus a symbol and a word, never colour alone. */
export const STEP_STATUS_STYLE: Record<StepStatus, { icon: string; label: string; className: string; stroke: string }> = {
  pending: { icon: '○', label: 'not run', className: 'bg-slate-100 text-slate-600 border-slate-300', stroke: '#94a3b8' },
  running: { icon: '◌', label: 'running', className: 'bg-sky-100 text-sky-800 border-sky-400', stroke: '#0284c7' },
  ok: { icon: '✓', label: 'ok', className: 'bg-emerald-100 text-emerald-800 border-emerald-400', stroke: '#059669' },
  warning: { icon: '!', label: 'warning', className: 'bg-amber-100 text-amber-900 border-amber-400', stroke: '#d97706' },
  failed: { icon: '✕', label: 'failed', className: 'bg-red-100 text-red-800 border-red-500', stroke: '#dc2626' },
  blocked: { icon: '⊘', label: 'blocked', className: 'bg-fuchsia-100 text-fuchsia-800 border-fuchsia-500', stroke: '#c026d3' },
  skipped: { icon: '↷', label: 'skipped', className: 'bg-slate-100 text-slate-500 border-slate-300', stroke: '#94a3b8' },
};

export const SEVERITY_STYLE: Record<Severity, { icon: string; label: string; className: string }> = {
  error: { icon: '✕', label: 'error', className: 'bg-red-100 text-red-800 border-red-400' },
  warning: { icon: '!', label: 'warning', className: 'bg-amber-100 text-amber-900 border-amber-400' },
  info: { icon: 'i', label: 'info', className: 'bg-sky-100 text-sky-800 border-sky-400' },
};
