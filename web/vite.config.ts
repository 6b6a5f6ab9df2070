import { defineConfig } from "vite";

// `npm run dev` proxies the API to a running `entente run` (ENTENTE_URL, default :8080).
const api = process.env.ENTENTE_URL ?? "http://127.0.0.1:8080";

export default defineConfig({
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { "/graphql": api, "/export": api } },
});
