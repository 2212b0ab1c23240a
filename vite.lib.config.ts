/**
 * The npm package's build (`npm run build:lib`), in two passes into dist-lib/:
 *
 *   vite build -c vite.lib.config.ts                 the library: index.js (engine + mount +
 *       element class), engine.js (the engine alone), react.js (<GpSensitivity />); the package's
 *       dependencies stay imports, for the application's bundler to resolve and share;
 *   vite build -c vite.lib.config.ts --mode element  element/gp-sensitivity.js: the one script a
 *       page loads for <gp-sensitivity>, with everything bundled (no import map needed).
 *
 * Both emit the compute worker (tfjs and the engine, self-contained) as a file beside them,
 * referenced by `new URL(…, import.meta.url)`, which bundlers and browsers resolve alike.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

const dependencies = Object.keys(packageJson.dependencies);
/** `react`, `react-dom/client`, `zustand/vanilla`, … : a dependency or a path inside one. */
const isDependency = (id: string) =>
  dependencies.some((name) => id === name || id.startsWith(`${name}/`));

// The package is for any page: a production build (React's production runtime, JSX compiled
// for it), whatever NODE_ENV the build is started under (a test runner sets "test").
process.env.NODE_ENV = 'production';

const ELEMENT_ENTRIES: Record<string, string> = { 'gp-sensitivity': 'src/embed/element-entry.ts' };
const LIBRARY_ENTRIES: Record<string, string> = {
  index: 'src/embed/index.ts',
  engine: 'src/engine/index.ts',
  react: 'src/embed/react.tsx',
};

export default defineConfig(({ mode }) => {
  const element = mode === 'element';
  return {
    base: './',
    plugins: [react()],
    worker: { format: 'es' },
    publicDir: false,
    build: {
      target: 'es2022',
      outDir: element ? 'dist-lib/element' : 'dist-lib',
      emptyOutDir: true,
      sourcemap: false,
      minify: true,
      // Entries are modules with exports, not pages: no preload helper touching the document.
      modulePreload: false,
      copyPublicDir: false,
      rolldownOptions: {
        input: element ? ELEMENT_ENTRIES : LIBRARY_ENTRIES,
        preserveEntrySignatures: 'strict',
        external: element ? [] : isDependency,
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
