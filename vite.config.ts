import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { contentSecurityPolicy } from './src/app/content-security-policy.ts';

/**
 * The base the built pages load their assets from. Relative ('./') by default: every page of the
 * build (index.html and callback.html) sits in one folder, so './assets/…' resolves right at a
 * host's root, under any sub-path (GitHub Pages' /<repo>/) and under the packaged static server,
 * without knowing the path at build time. BASE_PATH (such as /mcp-auth-flow/) pins an absolute
 * base instead, for a host that wants one. The dev server always serves at '/'.
 */
const base = process.env.BASE_PATH || './';

// The app is a static site with two pages: the app, and the OAuth callback as a real file, so a host
// without an SPA fallback serves the redirect URI. The demo servers (src/demo) add their own plugin
// at start-up; a plain `vite build` stays free of them.
export default defineConfig({
  base,
  plugins: [react(), tailwindcss(), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: 'dist/app',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        callback: fileURLToPath(new URL('./callback.html', import.meta.url)),
      },
    },
  },
});
