import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentSecurityPolicy } from './src/app/content-security-policy.ts';

// The app is a static SPA. The demo servers (src/demo) add their own plugin at start-up;
// a plain `vite build` stays free of them.
export default defineConfig({
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  build: { target: 'es2022', sourcemap: false },
});
