import { defineConfig } from "vite";

// GraphiQL (graphiql.html and src/graphiql/) is built apart from the network page: into the
// Go package server/graphiql, which embeds it (go:embed) and serves it at /graphiql, its
// files under /graphiql/assets/. `npm run build` builds both.
export default defineConfig({
  base: "/graphiql/",
  build: {
    outDir: "../server/graphiql/build/dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    rollupOptions: { input: "graphiql.html" },
  },
});
