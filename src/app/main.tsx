import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { CallbackPage } from './CallbackPage.tsx';
import { FramedNotice, isFramed } from './FramedNotice.tsx';
import './index.css';

const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// Two routes: the OAuth callback page (opened in the login popup) and the app itself.
const isCallback = window.location.pathname === '/callback';

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>{isFramed() ? <FramedNotice /> : isCallback ? <CallbackPage /> : <App />}</QueryClientProvider>
  </StrictMode>,
);
