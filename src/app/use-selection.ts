import { useState } from 'react';
import type { FlowSession } from '../engine/model/session.ts';
import type { Selection } from '../ui/selection.ts';
import type { SideTab } from './SidePanel.tsx';

/** What the inspector shows and which side tab is open. */
export function useSelection() {
  const [selection, setSelection] = useState<Selection>(null);
  const [tab, setTab] = useState<SideTab>('inspector');

  /** Selecting a step or an exchange, from anywhere, shows it in the inspector. */
  const select = (next: Selection) => {
    setSelection(next);
    if (next) setTab('inspector');
  };

  /** After a run, show where it ended: the failed step, or the last one that ran. A complete Run all's proof is the tools list. */
  const showOutcome = (session: FlowSession, ranAll = false) => {
    const failed = session.steps.find((step) => step.status === 'failed' || step.status === 'blocked');
    const lastRun = session.steps.filter((step) => step.status !== 'pending').at(-1);
    const target = failed ?? lastRun;
    if (target) select({ kind: 'step', id: target.id });
    if (ranAll && session.status === 'done' && session.learned.tools) setTab('tools');
  };

  /** The step before the selected one (presenter key ←); from no selection, the one before the next to run. */
  const selectPreviousStep = (steps: FlowSession['steps']) => {
    const index = selection?.kind === 'step' ? steps.findIndex((step) => step.id === selection.id) : steps.filter((step) => step.status !== 'pending').length;
    const previous = steps[Math.max(0, index - 1)];
    if (previous) select({ kind: 'step', id: previous.id });
  };

  return { selection, select, tab, setTab, showOutcome, selectPreviousStep };
}
