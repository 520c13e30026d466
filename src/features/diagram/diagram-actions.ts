import { createContext, useContext, type KeyboardEvent } from 'react';
import type { Selection } from '../../ui/selection.ts';
import { focusKeyOf, type FocusKey } from './focus-keys.ts';

/** Node components get the callbacks from here, so node data stays plain layout data. */
export const DiagramActionsContext = createContext<{ select(selection: Selection): void; focused(key: FocusKey): void }>({
  select: () => {},
  focused: () => {},
});

/** The one item the Tab key lands on (roving tabindex: the diagram is a single tab stop). */
export const RovingKeyContext = createContext<FocusKey | null>(null);

/**
 * Props that make a node's content a button selecting `target`. A keyboard stop (a step band, an
 * exchange's request arrow) takes part in the roving focus; other parts are for the pointer.
 */
export function useSelectButton(target: NonNullable<Selection>, ariaLabel: string, keyboardStop: boolean) {
  const { select, focused } = useContext(DiagramActionsContext);
  const roving = useContext(RovingKeyContext);
  const key = focusKeyOf(target);
  return {
    role: 'button',
    tabIndex: keyboardStop && roving === key ? 0 : -1,
    'data-focus-key': keyboardStop ? key : undefined,
    'aria-label': ariaLabel,
    onClick: () => select(target),
    onFocus: () => {
      if (keyboardStop) focused(key);
    },
    onKeyDown: (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== ' ') return;
      // Space would otherwise scroll, and React Flow's node wrapper would see the key as well.
      event.preventDefault();
      event.stopPropagation();
      select(target);
    },
  } as const;
}
