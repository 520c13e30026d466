import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { FramedNotice, isFramed } from './FramedNotice.tsx';
import './index.css';

const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// The app. The OAuth callback is a page of its own (callback.html, callback-main.tsx).
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>{isFramed() ? <FramedNotice /> : <App />}</QueryClientProvider>
  </StrictMode>,
);
