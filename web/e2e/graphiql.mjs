// Browser test of GraphiQL (/graphiql) offline: Debian's chromium driven by playwright-core,
// with every request that is not to the Entente under test refused (and no name resolves but
// the local server's), as on an analyst's machine without internet. GraphiQL must render its
// editors, load the schema and run a query, and must not even try to reach another host.
//   ENTENTE_URL=http://127.0.0.1:8080 node e2e/graphiql.mjs
// Needs a running `entente run` with the seed fixtures loaded, built with GraphiQL (make web build).
// Screenshot: web/test-results/graphiql.png.
import { chromium } from "playwright-core";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const base = new URL((process.env.ENTENTE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "") + "/");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "..", "test-results");
fs.mkdirSync(out, { recursive: true });

const started = Date.now();
let step = "start";
const log = (msg) => console.log(`[graphiql ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const check = (cond, msg) => { if (!cond) throw new Error(`${step}: ${msg}`); };

const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    // no name resolves but the server's: a request to a CDN fails as it would offline
    `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${base.hostname}`,
  ],
});
const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
const offsite = [];
const local = [];
// Only the server under test is reached; anything else is recorded and refused.
await context.route("**/*", (route) => {
  const url = new URL(route.request().url());
  if (url.origin === base.origin) {
    local.push(url.pathname);
    return route.continue();
  }
  offsite.push(url.href);
  return route.abort("internetdisconnected");
});
const errors = [];
let failed = false;
const page = await context.newPage();
try {
  page.setDefaultTimeout(20000);
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));

  step = "open GraphiQL";
  const resp = await page.goto(new URL("graphiql", base).href, { waitUntil: "networkidle" });
  check(resp && resp.ok(), `GET /graphiql answered ${resp && resp.status()}`);
  await page.locator(".graphiql-container").waitFor();
  await page.locator(".graphiql-query-editor .CodeMirror").waitFor();
  await page.locator(".graphiql-response .CodeMirror").waitFor();
  check((await page.title()).includes("GraphiQL"), `title ${await page.title()}`);
  log("editors rendered");

  step = "the schema is loaded (introspection)";
  await page.getByRole("button", { name: /documentation explorer/i }).click();
  await page.locator(".graphiql-doc-explorer").getByText("Query", { exact: true }).first().waitFor();
  log("documentation explorer shows the schema");

  step = "run a query";
  const query = `{\n  search(text: "gambacurta") {\n    node {\n      id\n      name\n    }\n  }\n}\n`;
  await page.evaluate((q) => document.querySelector(".graphiql-query-editor .CodeMirror").CodeMirror.setValue(q), query);
  await page.locator(".graphiql-execute-button").click();
  const result = () => page.evaluate(() => document.querySelector(".graphiql-response .CodeMirror").CodeMirror.getValue());
  await page.waitForFunction(() => document.querySelector(".graphiql-response .CodeMirror").CodeMirror.getValue().includes("stefano-gambacurta"), null, { polling: 100 });
  const answer = JSON.parse(await result());
  check(!answer.errors && answer.data.search.some((h) => h.node.id === "person:stefano-gambacurta" && h.node.name === "Stefano Gambacurta"),
    `the answer names Stefano Gambacurta: ${JSON.stringify(answer).slice(0, 300)}`);
  log(`query answered: ${answer.data.search.length} hits`);
  await page.mouse.move(5, 895);
  await page.waitForTimeout(300);
  const shot = path.join(out, "graphiql.png");
  await page.screenshot({ path: shot });
  log(`screenshot ${path.relative(process.cwd(), shot)}`);

  step = "nothing but the local server";
  check(offsite.length === 0, `GraphiQL tried to reach other hosts:\n${offsite.join("\n")}`);
  check(local.includes("/graphql") && local.some((p) => p.startsWith("/graphiql/assets/")),
    `its assets and the API came from the local server: ${[...new Set(local)].join(" ")}`);
  check(errors.length === 0, `no errors in the page:\n${errors.join("\n")}`);
  log(`PASS (${local.length} local requests, none elsewhere)`);
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
  if (offsite.length) console.error(`offsite requests (refused):\n${offsite.join("\n")}`);
  if (errors.length) console.error(errors.join("\n"));
  try { await page.screenshot({ path: path.join(out, "graphiql-failure.png") }); } catch {}
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
