import { useState, type ReactNode } from 'react';

interface Props {
  label: ReactNode;
  /** Classes of the panel: its width and spacing. */
  panelClassName: string;
  panelTestId: string;
  /** The panel's content; `close` hides it again. */
  children(close: () => void): ReactNode;
}

/** A small header button that opens a panel below it. */
export function Dropdown({ label, panelClassName, panelTestId, children }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <div className="relative">
      <button
        type="button"
        aria-expanded={open}
        onClick={() => setOpen((shown) => !shown)}
        className="rounded-md border border-slate-300 px-2 py-1 text-xs font-semibold text-slate-700 hover:bg-slate-100"
      >
        {label}
      </button>
      {open && (
        <div
          className={`absolute right-0 z-40 mt-1 max-w-[90vw] rounded-lg border border-slate-200 bg-white shadow-xl ${panelClassName}`}
          data-testid={panelTestId}
        >
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}
