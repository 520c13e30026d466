import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RelayModeSwitch } from './RelayModeSwitch.tsx';

const render = (node: React.ReactNode) => renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);

describe('RelayModeSwitch', () => {
  it('is off and disabled, with how to pair a relay, when the app was served without one', () => {
    const html = render(<RelayModeSwitch relay={null} checked onChange={() => undefined} />);
    expect(html).toContain('data-testid="relay-mode"');
    expect(html).toContain('disabled=""');
    expect(html).not.toContain('checked=""');
    expect(html).toContain('Send all traffic through the relay');
    expect(html).toContain('No relay is paired with this page. To pair one, run npx mcp-auth-flow relay --allow-origin');
    expect(html).toContain('npm start runs one with the demo.');
  });
});
