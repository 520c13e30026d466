import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { CallbackPage } from './CallbackPage.tsx';
import { FramedNotice, isFramed } from './FramedNotice.tsx';
import './index.css';

// callback.html: the OAuth redirect URI, a page of its own so any static host serves it as a file.
const root = document.getElementById('root');
if (!root) throw new Error('callback.html has no #root element');

createRoot(root).render(<StrictMode>{isFramed() ? <FramedNotice /> : <CallbackPage />}</StrictMode>);
