import { useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { menuPlacement } from './menu-placement.ts';

interface Props {
  label: ReactNode;
  /** Classes of the panel: its width and spacing. */
  panelClassName: string;
  panelTestId: string;
  /** The panel's content; `close` hides it again and gives focus back to the button. */
  children(close: () => void): ReactNode;
}

/**
 * A small header button that opens a panel below it (a disclosure, not an ARIA menu: the panels hold
 * links, a file input and buttons). It closes on Escape and on a pointer press outside, gives focus
 * back to its button when closed from the keyboard, and is placed inside the viewport whatever the
 * button's position (the header wraps differently at every width, and in presenter mode).
 */
export function Dropdown({ label, panelClassName, panelTestId, children }: Props) {
  const [open, setOpen] = useState(false);
  const [style, setStyle] = useState<CSSProperties>({ visibility: 'hidden' });
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const panelId = useId();

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // Measured before paint, so the panel never shows off screen, even for a frame.
  useLayoutEffect(() => {
    if (!open) return;
    const place = () => {
      if (!button.current || !panel.current) return;
      const anchor = button.current.getBoundingClientRect();
      const placed = menuPlacement({ left: anchor.left, right: anchor.right, bottom: anchor.bottom }, panel.current.offsetWidth, {
        width: document.documentElement.clientWidth,
        height: window.innerHeight,
      });
      setStyle({ left: placed.left, top: placed.top, maxHeight: placed.maxHeight });
    };
    place();
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      close(true);
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!panel.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          setStyle({ visibility: 'hidden' });
          setOpen((shown) => !shown);
        }}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100"
      >
        {label}
      </button>
      {open && (
        <div
          ref={panel}
          id={panelId}
          style={style}
          className={`fixed z-40 max-w-[calc(100vw-16px)] overflow-auto rounded-lg border border-slate-200 bg-white shadow-xl ${panelClassName}`}
          data-testid={panelTestId}
        >
          {children(() => close(true))}
        </div>
      )}
    </div>
  );
}
