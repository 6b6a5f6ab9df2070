// @neo4j/graphql serving Entente's Neo4j with equivalent type definitions (typeDefs.graphql),
// on Apollo Server's standalone HTTP server: the stack most users of @neo4j/graphql start from.
// Environment: NEO4J_URI (bolt://127.0.0.1:PORT, no authentication), PORT (HTTP, loopback).
import { readFileSync } from "node:fs";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";

const typeDefs = readFileSync(new URL("./typeDefs.graphql", import.meta.url), "utf8");
const driver = neo4j.driver(process.env.NEO4J_URI ?? "bolt://127.0.0.1:7687", neo4j.auth.basic("neo4j", "unused"), {
  maxConnectionPoolSize: 64,
});
// String comparisons (startDate >= "2015") are off by default in @neo4j/graphql 7.
const features = { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } };
const schema = await new Neo4jGraphQL({ typeDefs, driver, features }).getSchema();
const server = new ApolloServer({ schema, introspection: false });
const { url } = await startStandaloneServer(server, {
  listen: { host: "127.0.0.1", port: Number(process.env.PORT ?? 4000) },
  context: async () => ({ sessionConfig: { defaultAccessMode: "READ" } }),
});
console.log(`peer ready at ${url}`);
for (const sig of ["SIGTERM", "SIGINT"]) {
  process.on(sig, async () => {
    await server.stop();
    await driver.close();
    process.exit(0);
  });
}
