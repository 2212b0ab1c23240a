import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { learnArticlePlugin } from './src/learn/build/vitePlugin';

/**
 * `vite build --mode e2e` (the browser tests, the worker benchmark) also builds worker-lab.html,
 * the compute worker's test page; the published site does not include it.
 */
export default defineConfig(({ mode }) => ({
  // Relative asset paths so the built site works from any sub-folder of a static host.
  base: './',
  plugins: [react(), learnArticlePlugin()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // No polyfill for <link rel="modulepreload"> (every current browser has it; Safari before
    // 17 merely fetches the chunks as the imports ask): 0.4 kB less for every page and widget.
    modulePreload: { polyfill: false },
    // embed.html: the chrome-less widget for iframes; `element`: the one script a page loads for
    // <gp-sensitivity>, under a fixed name (gp-sensitivity.js) that pages can link to.
    rolldownOptions: {
      input: {
        main: 'index.html',
        // learn.html: the article (src/learn), rendered into the HTML by learnArticlePlugin.
        learn: 'learn.html',
        ...(mode === 'e2e' ? { workerLab: 'worker-lab.html' } : {}),
        embed: 'embed.html',
        element: 'src/embed/element-entry.ts',
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'element' ? 'gp-sensitivity.js' : 'assets/[name]-[hash].js',
      },
    },
  },
  server: { host: '127.0.0.1' },
}));
