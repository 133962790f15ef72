import { readFileSync } from 'node:fs';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY_FOR_META } from './shared/content-security-policy.ts';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * The production page carries the same Content-Security-Policy as the Electron protocol sends,
 * so the browser build is held to the same rules.
 * The dev server is left without it: Vite's hot reload injects inline scripts.
 */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'marginalia-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_FOR_META }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: { outDir: '../dist/renderer', emptyOutDir: true, assetsInlineLimit: 0, chunkSizeWarningLimit: 2000 },
  server: { fs: { allow: ['..'] } },
});
