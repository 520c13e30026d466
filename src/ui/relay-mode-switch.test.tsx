import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RelayModeSwitch } from './RelayModeSwitch.tsx';

const render = (node: React.ReactNode) => renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

describe('RelayModeSwitch', () => {
  it('is off and disabled, with a hint, when the app was served without the relay', () => {
    const html = render(<RelayModeSwitch relay={null} checked onChange={() => undefined} />);
    expect(html).toContain('data-testid="relay-mode"');
    expect(html).toContain('disabled=""');
    expect(html).not.toContain('checked=""');
    expect(html).toContain('Send all traffic through the relay');
    expect(html).toContain('served without the relay. Start it with npm start.');
  });
});
