// Builds the page into the Python package, so the server ships it with no CDN at run time.
import { copyFileSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { defineConfig } from "vite";

const outDir = "../src/schema_architect/app/static";

// The API docs page (/docs) uses Swagger UI; its files come from npm too, copied next to the page.
const swaggerFiles = () => ({
  name: "copy-swagger-ui",
  closeBundle() {
    const dest = resolve(outDir, "docs-assets");
    mkdirSync(dest, { recursive: true });
    for (const f of ["swagger-ui-bundle.js", "swagger-ui.css"]) {
      copyFileSync(resolve("node_modules/swagger-ui-dist", f), resolve(dest, f));
    }
  },
});

export default defineConfig({
  base: "/",
  plugins: [swaggerFiles()],
  build: {
    outDir,
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
});
