// GraphiQL at /graphiql, bundled with its React and CSS so that it needs nothing but the
// server it is served by (no CDN): vite.graphiql.config.ts builds it into the Go package
// server/graphiql, which embeds it in the binary.
import "graphiql/style.css";
import "./graphiql.css";
import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { GraphiQL } from "graphiql";
import { createGraphiQLFetcher } from "@graphiql/toolkit";

// Entente answers every operation in one response (no @defer, no subscriptions): the plain
// fetcher, which POSTs JSON to /graphql beside this page.
const fetcher = createGraphiQLFetcher({
  url: new URL("/graphql", location.href).toString(),
  enableIncrementalDelivery: false,
});

const defaultQuery = `# Entente: international security cooperation as a graph.
# Ctrl-Enter runs the query; the Docs panel describes every type, field and argument.
# Mutations need an editor key: add {"Authorization": "Bearer …"} under Headers.

{
  search(text: "gambacurta") {
    node {
      id
      name
      ... on Person {
        title
        meetings { role meeting { name startDate } }
      }
    }
  }
}
`;

const root = document.getElementById("graphiql");
if (!root) throw new Error("no #graphiql element");
createRoot(root).render(
  createElement(GraphiQL, {
    fetcher,
    defaultQuery,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    inputValueDeprecation: true,
  }),
);
