import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { MAX_ERROR_TEXT, errorText } from './error-text.ts';

/** The boundary as React drives it after a render error: the derived state, then render(). */
function fallbackAfter(thrown: unknown): string {
  const boundary = new ErrorBoundary({ view: 'the diagram', children: 'fine' });
  boundary.state = { ...boundary.state, ...ErrorBoundary.getDerivedStateFromError(thrown) };
  return renderToStaticMarkup(<>{boundary.render()}</>);
}

describe('ErrorBoundary', () => {
  it('shows "This view failed to render" with the error text, as text', () => {
    const html = fallbackAfter(new RangeError('<img src=x onerror=window.__pwned=1>'));
    expect(html).toContain('This view failed to render (the diagram).');
    expect(html).toContain('RangeError: &lt;img src=x onerror=window.__pwned=1&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('Try again');
  });

  it('renders its children when nothing failed', () => {
    expect(renderToStaticMarkup(<ErrorBoundary view="the diagram">fine</ErrorBoundary>)).toBe('fine');
  });

  it('gives the view a fresh try when its reset key changes', () => {
    const failed = { error: { text: 'x' }, resetKey: 'x1' };
    expect(ErrorBoundary.getDerivedStateFromProps({ view: 'v', resetKey: 'x1', children: null }, failed)).toBeNull();
    expect(ErrorBoundary.getDerivedStateFromProps({ view: 'v', resetKey: 'x2', children: null }, failed)).toEqual({ error: null, resetKey: 'x2' });
  });
});

describe('errorText', () => {
  it('never throws, whatever was thrown', () => {
    expect(errorText({ toString: 'not a function' })).toBe('{"toString":"not a function"}');
    expect(errorText(Object.create(null))).toBe('{}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(errorText(cyclic)).toBe('A value of type object was thrown.');
    expect(errorText(undefined)).toBe('undefined');
    expect(errorText(10n)).toBe('A value of type bigint was thrown.');
  });

  it('caps a huge message', () => {
    expect(errorText('x'.repeat(100_000))).toHaveLength(MAX_ERROR_TEXT + 1);
  });
});
