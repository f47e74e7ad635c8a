import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The dev server proxies /v1 to the emulator started by `npm run dev` (server/dev.ts sets the port).
const apiTarget = process.env.SIPCALLER_DEV_API ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: { '/v1': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  worker: { format: 'es' },
});
