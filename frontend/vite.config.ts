import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The build lands in dist/app, which frontend/embed.go embeds into the Go
// binary (dist/.gitkeep keeps the embed valid on a clean checkout).
export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist/app',
    emptyOutDir: true,
    // Vite would inline small assets as data: URLs; keep files so the CSP
    // stays simple and assets get the long cache.
    assetsInlineLimit: 0,
  },
  server: {
    port: 5173,
    // `npm run dev` talks to a running `bin/tracker serve` (make run).
    proxy: {
      '/api': { target: 'http://127.0.0.1:8080', changeOrigin: false },
    },
  },
});
