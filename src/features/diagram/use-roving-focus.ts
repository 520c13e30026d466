import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Selection } from '../../ui/selection.ts';
import { focusKeyOf, nodeIdOf, type FocusKey } from './focus-keys.ts';

const MOVES: Record<string, (index: number, last: number) => number> = {
  ArrowDown: (index, last) => Math.min(last, index + 1),
  ArrowUp: (index) => Math.max(0, index - 1),
  Home: () => 0,
  End: (_index, last) => last,
};

/**
 * The diagram is one tab stop (WAI-ARIA roving tabindex): Tab lands on the selected item, or the
 * first; ↑/↓ move the focus through steps and exchanges in time order, Home/End jump to the ends,
 * Enter opens (useSelectButton). The view scrolls to the focused item, which stays drawn.
 */
export function useRovingFocus(
  order: readonly NonNullable<Selection>[],
  selection: Selection,
  reveal: (nodeId: string) => Promise<void>,
  container: RefObject<HTMLElement | null>,
) {
  const [chosen, setChosen] = useState<FocusKey | null>(null);
  const keys = order.map(focusKeyOf);
  const selectedKey = selection ? focusKeyOf(selection) : null;
  // A new selection (a click, the table, the end of a run) is where Tab lands next.
  const [followedSelection, setFollowedSelection] = useState(selectedKey);
  if (followedSelection !== selectedKey) {
    setFollowedSelection(selectedKey);
    if (selectedKey) setChosen(selectedKey);
  }
  const rovingKey = chosen && keys.includes(chosen) ? chosen : (keys[0] ?? null);

  // The element may appear only after the view has scrolled to it (windowing), so focusing waits for it.
  const pendingFocus = useRef<FocusKey | null>(null);
  const focusPending = () => {
    const key = pendingFocus.current;
    if (!key || !container.current) return;
    // Ids come from servers and files (an imported id may hold `"`), so no selector is built from one.
    const element = [...container.current.querySelectorAll<HTMLElement>('[data-focus-key]')].find((candidate) => candidate.dataset.focusKey === key);
    if (!element) return;
    pendingFocus.current = null;
    element.focus({ preventScroll: true });
  };
  useEffect(focusPending);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const move = MOVES[event.key];
    if (!move || !(event.target as HTMLElement).dataset.focusKey || order.length === 0) return;
    event.preventDefault();
    const index = Math.max(0, rovingKey ? keys.indexOf(rovingKey) : 0);
    const target = order[move(index, order.length - 1)]!;
    const key = focusKeyOf(target);
    setChosen(key);
    pendingFocus.current = key;
    focusPending();
    pendingFocus.current = key;
    void reveal(nodeIdOf(target)).then(focusPending);
  };

  return { rovingKey, onFocused: setChosen, onKeyDown };
}
