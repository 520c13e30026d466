import { createContext, useContext, type KeyboardEvent } from 'react';
import type { Selection } from '../../ui/selection.ts';

/** Node components get the select callback from here, so node data stays plain layout data. */
export const DiagramActionsContext = createContext<{ select(selection: Selection): void }>({ select: () => {} });

/** Props that make a node's content a keyboard-reachable button selecting `target`. */
export function useSelectButton(target: NonNullable<Selection>, ariaLabel: string) {
  const { select } = useContext(DiagramActionsContext);
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': ariaLabel,
    onClick: () => select(target),
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      // Space would otherwise scroll, and React Flow's node wrapper would see the key as well.
      event.preventDefault();
      event.stopPropagation();
      select(target);
    },
  } as const;
}
