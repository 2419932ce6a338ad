import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [react()],
  server: { proxy: { "/api": "http://localhost:3000" } },
  // The manifest tells scripts/check-bundle.ts which chunks a first visit loads.
  build: { outDir: "dist", emptyOutDir: true, sourcemap: false, manifest: true },
});
