// Builds the page into the Python package, so the server ships it with no CDN at run time.
import { defineConfig } from "vite";

export default defineConfig({
  base: "/",
  build: {
    outDir: "../src/schema_architect/app/static",
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
