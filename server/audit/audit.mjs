// Runs the graphql-http server audits (GraphQL over HTTP spec) against a running Entente.
// usage: node audit.mjs http://127.0.0.1:PORT/graphql
// Exit status 1 when any audit fails, MAY included: they all pass, so any that stops is a regression.
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = await auditServer({ url });
const count = { MUST: [0, 0], SHOULD: [0, 0], MAY: [0, 0] };
let failed = 0;
for (const r of results) {
  const level = r.name.split(' ')[0];
  const ok = r.status === 'ok';
  count[level][ok ? 0 : 1]++;
  if (!ok) {
    console.log(`FAIL ${r.id} ${r.name}: ${r.reason}`);
    failed++;
  }
}
for (const [level, [ok, bad]] of Object.entries(count)) {
  console.log(`${level}: ${ok} passed, ${bad} failed`);
}
process.exit(failed ? 1 : 0);
