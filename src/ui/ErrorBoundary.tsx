import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorText } from './error-text.ts';

interface Props {
  /** What failed, for the message: "the diagram", "the findings". */
  view: string;
  /** When this changes (another selection, another session), the view gets a fresh try. */
  resetKey?: unknown;
  children: ReactNode;
}

interface State {
  error: { text: string } | null;
  resetKey: unknown;
}

/**
 * Keeps one view's render error inside that view. React unmounts the whole tree on an uncaught
 * render error, so without this one bad value from a server or a file blanks the page. The error
 * text is shown as text (it may quote the file), with a button to render the view again.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: { text: errorText(error) } };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey) ? null : { error: null, resetKey: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever debugs it in devtools; the user sees the message in the view.
    console.error(`${this.props.view} failed to render`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div role="alert" data-testid="view-error" className="m-2 space-y-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-900">
        <p className="font-semibold">This view failed to render ({this.props.view}).</p>
        <pre className="font-mono text-xs break-all whitespace-pre-wrap">{error.text}</pre>
        <p className="text-xs">The rest of the app still works.</p>
        <button
          type="button"
          onClick={() => this.setState({ error: null })}
          className="rounded-md border border-red-400 bg-white px-2 py-1 text-xs font-semibold text-red-900 hover:bg-red-100"
        >
          Try again
        </button>
      </div>
    );
  }
}
