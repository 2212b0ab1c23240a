import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset paths so the built site works from any sub-folder of a static host.
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    // worker-lab.html: a small test page that drives the compute worker for browser tests.
    rolldownOptions: { input: { main: 'index.html', workerLab: 'worker-lab.html' } },
  },
  server: { host: '127.0.0.1' },
});
