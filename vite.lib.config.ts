/**
 * The npm package's build (`npm run build:lib`), in three passes into dist-lib/:
 *
 *   vite build -c vite.lib.config.ts                 the library: index.js (engine + mount +
 *       element class), engine.js (the engine alone), react.js (<GpSensitivity />); the package's
 *       peer dependencies (React, d3, zustand) stay imports, for the application's bundler to
 *       resolve and share;
 *   vite build -c vite.lib.config.ts --mode element  element/gp-sensitivity.js: the one script a
 *       page loads for <gp-sensitivity>, with everything bundled (no import map needed);
 *   vite build -c vite.lib.config.ts --mode cli      cli/gp-sensitivity.js: the `gp-sensitivity`
 *       command, plain JavaScript for Node with the engine bundled in (no tsx at run time).
 *
 * The library and the element script both start the compute worker (tfjs and the engine,
 * self-contained) from `assets/compute.worker-<hash>.js`, referenced by `new URL(…, import.meta.url)`,
 * which bundlers and browsers resolve alike. The two passes build it from the same sources into
 * the same folder under the same content hash, so the package holds one copy; each pass after the
 * first keeps what the one before wrote (emptyOutDir only in the first).
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const peers = Object.keys(packageJson.peerDependencies);
/** `react`, `react-dom/client`, `zustand/vanilla`, … : a peer dependency or a path inside one. */
const isPeer = (id: string) => peers.some((name) => id === name || id.startsWith(`${name}/`));

// The package is for any page: a production build (React's production runtime, JSX compiled
// for it), whatever NODE_ENV the build is started under (a test runner sets "test").
process.env.NODE_ENV = 'production';

const LIBRARY_ENTRIES: Record<string, string> = {
  index: 'src/embed/index.ts',
  engine: 'src/engine/index.ts',
  react: 'src/embed/react.tsx',
};

/** The command line: one file for Node, run by the `bin` entry of package.json. */
const cliConfig: UserConfig = {
  publicDir: false,
  build: {
    target: 'node20',
    outDir: 'dist-lib',
    emptyOutDir: false,
    sourcemap: false,
    minify: false,
    copyPublicDir: false,
    ssr: 'src/cli/main.ts',
    rolldownOptions: {
      output: {
        entryFileNames: 'cli/gp-sensitivity.js',
        banner: '#!/usr/bin/env node',
        codeSplitting: false,
      },
    },
  },
  // Everything but Node's own modules goes into the file: the installed tool needs no packages.
  ssr: { noExternal: true, target: 'node' },
};

export default defineConfig(({ mode }) => {
  if (mode === 'cli') return cliConfig;
  const element = mode === 'element';
  return {
    base: './',
    plugins: [react()],
    worker: {
      format: 'es',
      rolldownOptions: { output: { entryFileNames: 'assets/[name]-[hash].js' } },
    },
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: 'dist-lib',
      emptyOutDir: !element,
      sourcemap: false,
      minify: true,
      // Entries are modules with exports, not pages: no preload helper touching the document.
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: element ? { 'gp-sensitivity': 'src/embed/element-entry.ts' } : LIBRARY_ENTRIES,
        preserveEntrySignatures: 'strict',
        external: element ? [] : isPeer,
        output: {
          entryFileNames: element ? 'element/[name].js' : '[name].js',
          chunkFileNames: element ? 'element/chunks/[name]-[hash].js' : 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
