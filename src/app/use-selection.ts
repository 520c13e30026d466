import { useState } from 'react';
import type { FlowSession } from '../engine/model/session.ts';
import type { Selection } from '../ui/selection.ts';
import type { SideTab } from './SidePanel.tsx';

/**
 * How a session came to be shown, which decides how loudly its outcome is shown:
 * - run: Run all, Continue anyway or a resumed redirect ended; focus goes to the outcome line.
 * - step: one Next step ran; the panel follows the step, and the outcome line takes focus only when the flow ended.
 * - action: a refresh or audit from the Tools tab; only the selection moves.
 * - restore: a trace opened from a file.
 */
export type OutcomeCause = 'run' | 'step' | 'action' | 'restore';

const hasErrors = (session: FlowSession) => session.findings.some((finding) => finding.severity === 'error');
const isClean = (session: FlowSession) => session.status === 'done' && !session.findings.some((finding) => finding.severity !== 'info');

/** What the inspector shows and which side tab is open. */
export function useSelection() {
  const [selection, setSelection] = useState<Selection>(null);
  const [tab, setTab] = useState<SideTab>('inspector');
  /** Bumped when a run ends: the outcome line takes focus (instead of focus dropping to <body>). */
  const [outcomeFocus, setOutcomeFocus] = useState(0);

  /**
   * Selecting a step or an exchange, from anywhere, shows it in the inspector; except that a click
   * in the diagram while the network table is open selects the row there and leaves the table open.
   */
  const select = (next: Selection) => {
    setSelection(next);
    if (next) setTab((current) => (current === 'network' ? current : 'inspector'));
  };

  /** The network table's row selection: the arrow is selected, the table stays open. */
  const highlight = (next: Selection) => setSelection(next);

  /** Opens a selection in the inspector whichever tab is open. */
  const open = (next: Selection) => {
    setSelection(next);
    setTab('inspector');
  };

  /**
   * After a run, show where it ended: the failed step, or the last one that ran. With errors the
   * panel opens on Findings (the list of what broke); only a clean, complete Run all opens on Tools.
   */
  const showOutcome = (session: FlowSession, cause: OutcomeCause) => {
    const broke = (step: FlowSession['steps'][number]) => step.status === 'failed' || step.status === 'blocked';
    // A failed run ended at its last failed step (one before it was gone past: Continue anyway); a finished one shows its first.
    const failed = session.status === 'failed' ? session.steps.findLast(broke) : session.steps.find(broke);
    const lastRun = session.steps.filter((step) => step.status !== 'pending').at(-1);
    const target = failed ?? lastRun;
    if (target) select({ kind: 'step', id: target.id });
    if (cause === 'action') return;
    const ended = session.status === 'done' || session.status === 'failed';
    if (hasErrors(session) && (ended || cause === 'restore')) setTab('findings');
    else if (cause === 'run' && isClean(session) && session.learned.tools) setTab('tools');
    if (ended && (cause === 'run' || cause === 'step')) setOutcomeFocus((n) => n + 1);
  };

  /** The outcome line's shortcut: the first error's exchange (or step) selected, the findings open beside it. */
  const showFirstError = (session: FlowSession) => {
    const first = session.findings.find((finding) => finding.severity === 'error');
    if (!first) return;
    setSelection(first.exchangeId ? { kind: 'exchange', id: first.exchangeId } : { kind: 'step', id: first.stepId });
    setTab('findings');
  };

  /** The step before the selected one (presenter key ←); from no selection, the one before the next to run. */
  const selectPreviousStep = (steps: FlowSession['steps']) => {
    const index = selection?.kind === 'step' ? steps.findIndex((step) => step.id === selection.id) : steps.filter((step) => step.status !== 'pending').length;
    const previous = steps[Math.max(0, index - 1)];
    if (previous) select({ kind: 'step', id: previous.id });
  };

  return { selection, select, highlight, open, tab, setTab, showOutcome, showFirstError, outcomeFocus, selectPreviousStep };
}
