// Browser test of the network page: Debian's chromium driven by playwright-core.
//   ENTENTE_URL=http://127.0.0.1:8080 node e2e/test.mjs
// Needs a running `entente run` serving web/dist with the seed fixtures loaded.
// Screenshots go to web/test-results/ (git-ignored; CI keeps them as artefacts).
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const base = (process.env.ENTENTE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "") + "/";
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "..", "test-results");
fs.mkdirSync(out, { recursive: true });

const started = Date.now();
let step = "start";
const log = (msg) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const check = (cond, msg) => { if (!cond) throw new Error(`${step}: ${msg}`); };

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: chromiumPath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  deviceScaleFactor: 1,
  acceptDownloads: true,
  args: [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});
const errors = [];
let failed = false;
try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20000);
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") errors.push(`console: ${m.text()}`); });

  const idle = () => page.waitForFunction(() => window.entente && window.entente.isIdle(), null, { polling: 100 });
  const settle = async () => { await idle(); await page.waitForTimeout(700); await idle(); }; // layout animation
  const nodes = () => page.evaluate(() => window.entente.graph.nodes());
  const shot = async (name) => {
    const file = path.join(out, name);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  };

  step = "open the page";
  const resp = await page.goto(base, { waitUntil: "networkidle" });
  check(resp && resp.ok(), `GET ${base} answered ${resp && resp.status()}`);
  await page.locator("#search").waitFor();
  check((await page.title()).includes("Entente"), "title");
  log("page open");

  step = "search Gambacurta";
  await page.fill("#search", "Gambacurta");
  const hit = page.locator("#search-results li", { hasText: "Stefano Gambacurta" });
  await hit.first().waitFor();
  await hit.first().click();
  await page.waitForFunction(() => window.entente.state.expanded.includes("person:stefano-gambacurta"));
  await settle();
  let ids = await nodes();
  // both meetings in Rome (the G7 Roma/Lyon meeting and the RCC conference) are his neighbours
  const rome = await page.evaluate(() => {
    const { graph } = window.entente;
    return graph.neighbors("person:stefano-gambacurta")
      .filter((n) => graph.getNodeAttribute(n, "kind") === "MEETING" && graph.getNodeAttribute(n, "place") === "Rome")
      .map((n) => ({ id: n, name: graph.getNodeAttribute(n, "name"), date: graph.getNodeAttribute(n, "date") }))
      .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
  });
  check(rome.length === 2, `expanding Gambacurta shows both Rome meetings; the canvas has ${ids.join(", ")}`);
  // the side panel lists both among the neighbours, and the sources with their document
  const panel = page.locator("#details");
  await panel.locator("ul.neighbours").waitFor();
  for (const m of rome) {
    check(await panel.locator("ul.neighbours a", { hasText: m.name }).count() >= 1, `the panel lists ${m.name}`);
  }
  await panel.locator(".sources .doc-title").first().waitFor();
  const docTitles = await panel.locator(".sources .doc-title").allInnerTexts();
  check(docTitles.some((t) => t.includes("Sicurezza: incontro a Roma")), `sources name their document: ${docTitles}`);
  check(await panel.locator(".sources blockquote").count() > 0, "sources quote their text");
  log(`Gambacurta expanded: ${ids.length} nodes, both Rome meetings`);
  await shot("01-gambacurta.png");

  step = "click a node on the canvas to expand it";
  const target = rome[0].id; // the dated one
  const before = ids.length;
  const pos = await page.evaluate((id) => window.entente.viewportOf(id), target);
  await page.mouse.move(pos.x, pos.y);
  await page.mouse.click(pos.x, pos.y);
  await page.waitForFunction((id) => window.entente.state.expanded.includes(id), target);
  await settle();
  ids = await nodes();
  check(ids.length > before, `expanding the Rome meeting adds nodes (${before} -> ${ids.length})`);
  await page.mouse.move(5, 200); // leave the node: no hover emphasis in the screenshot
  await page.waitForTimeout(200);
  log(`Rome meeting expanded: ${ids.length} nodes`);
  await shot("02-expanded.png");

  step = "click an edge to read its sources";
  const edgeEnds = ["person:stefano-gambacurta", target];
  const mid = await page.evaluate(([a, b]) => {
    const pa = window.entente.viewportOf(a), pb = window.entente.viewportOf(b);
    return { x: (pa.x + pb.x) / 2, y: (pa.y + pb.y) / 2 };
  }, edgeEnds);
  await page.mouse.click(mid.x, mid.y);
  await panel.locator(".badge.edge").waitFor();
  await panel.locator(".sources .doc-title").first().waitFor();
  const edgeDoc = await panel.locator(".sources .doc-title").first().innerText();
  check(edgeDoc.length > 3, `the edge's sources name their document: ${edgeDoc}`);
  log(`edge sources from: ${edgeDoc}`);

  step = "search in French and Italian";
  for (const [text, want] of [["Maroc", null], ["Marocco", "state:ma"], ["Conférence", "meeting:rome:conference"], ["Nazioni Unite", null]]) {
    await page.fill("#search", "");
    await page.fill("#search", text);
    await page.locator("#search-results li").first().waitFor();
    if (want) {
      const got = await page.evaluate(() => [...document.querySelectorAll("#search-results li")].map((li) => li.textContent));
      check(got.length > 0 && !got[0].startsWith("Nothing"), `search ${text} finds something: ${got}`);
    }
  }

  await page.press("#search", "Escape");
  await page.locator("#search-results").waitFor({ state: "hidden" });

  step = "pick two nodes and see the shortest path";
  // Gambacurta picked on the canvas: "Path from"
  const clickNode = async (id) => {
    // Click where the node is once the camera has stopped moving (a fast machine gets here
    // while the previous step's camera animation still runs).
    await page.evaluate(() => window.entente.fit()); // the whole view, as after a search
    await settle();
    let p = await page.evaluate((i) => window.entente.viewportOf(i), id);
    for (let k = 0; k < 50; k++) {
      await page.waitForTimeout(100);
      const q = await page.evaluate((i) => window.entente.viewportOf(i), id);
      const still = Math.abs(q.x - p.x) < 0.5 && Math.abs(q.y - p.y) < 0.5;
      p = q;
      if (still) break;
    }
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((i) => window.entente.state.sel === i, id);
    await settle();
  };
  await clickNode("person:stefano-gambacurta");
  await panel.locator("button", { hasText: "Path from" }).click();
  await page.waitForFunction(() => window.entente.state.pathA === "person:stefano-gambacurta");
  // Morocco from the search box (Italian name), then picked on the canvas: "Path to"
  await page.fill("#search", "");
  await page.fill("#search", "Marocco");
  const ma = page.locator("#search-results li", { hasText: "Morocco" });
  await ma.first().waitFor();
  await ma.first().click();
  await page.waitForFunction(() => window.entente.state.expanded.includes("state:ma"));
  await settle();
  await clickNode("state:ma");
  await panel.locator("button", { hasText: "Path to" }).click();
  await page.waitForFunction(() => window.entente.path !== null);
  await settle();
  const route = await page.evaluate(() => window.entente.path.order);
  check(route[0] === "person:stefano-gambacurta" && route[route.length - 1] === "state:ma", `path ends: ${route}`);
  const joined = await page.evaluate(() => {
    const { graph, path } = window.entente;
    return path.order.slice(1).every((n, i) => graph.edges(path.order[i], n).concat(graph.edges(n, path.order[i])).some((e) => path.edges.has(e)));
  });
  check(joined, "every step of the path is a highlighted edge on the canvas");
  const steps = await page.locator("#path-steps li.step").allInnerTexts();
  check(steps.length === route.length, `the path panel lists ${route.length} steps: ${steps}`);
  log(`path: ${steps.join(" → ")}`);
  await page.evaluate(() => window.entente.fit());
  await page.mouse.move(5, 200);
  await page.waitForTimeout(400);
  await shot("03-path.png");

  step = "filters";
  await page.locator('#node-kinds input[data-nk="AGENCY"]').uncheck();
  const hidden = await page.evaluate(() => {
    const { renderer, graph } = window.entente;
    return graph.filterNodes((id, a) => a.kind === "AGENCY").every((id) => renderer.getNodeDisplayData(id)?.hidden);
  });
  check(hidden, "unticking Agency hides the agencies");
  check(new URL(page.url()).searchParams.get("hk") === "AGENCY", "the filter is in the URL");
  await page.locator('#node-kinds input[data-nk="AGENCY"]').check();
  await page.fill("#date-from", "2024");
  await page.press("#date-from", "Enter");
  await page.locator("#date-from").blur();
  const early = await page.evaluate(() => {
    const { graph, renderer } = window.entente;
    const dated = graph.filterNodes((id, a) => a.date && a.date < "2024");
    return { n: dated.length, hidden: dated.every((id) => renderer.getNodeDisplayData(id)?.hidden) };
  });
  check(early.n > 0 && early.hidden, `from 2024 hides the ${early.n} nodes dated before 2024`);
  await page.fill("#date-from", "");
  await page.locator("#date-from").dispatchEvent("change");
  // the timeline slider at its first date shows only what happened by then
  const first = await page.evaluate(() => { const s = document.getElementById("timeline-slider"); s.value = "0"; s.dispatchEvent(new Event("input")); return window.entente.state.until; });
  check(first && first.length >= 4, `the slider's first stop is a date: ${first}`);
  const romeHidden = await page.evaluate((id) => window.entente.renderer.getNodeDisplayData(id)?.hidden, rome[0].id);
  check(romeHidden === (first < rome[0].date), `at ${first} the ${rome[0].date} Rome meeting is ${first < rome[0].date ? "not shown yet" : "shown"}`);
  await shot("04-timeline.png");
  await page.evaluate(() => { const s = document.getElementById("timeline-slider"); s.value = s.max; s.dispatchEvent(new Event("input")); });

  step = "exports";
  const href = await page.locator("#link-graphml").getAttribute("href");
  check(href && href.startsWith("export/graphml?around="), `GraphML link: ${href}`);
  const gml = await page.evaluate(async (h) => { const r = await fetch(h); return { status: r.status, text: await r.text() }; }, href);
  check(gml.status === 200 && gml.text.includes("<graphml"), `server GraphML export answered ${gml.status}`);
  const [pngDl] = await Promise.all([page.waitForEvent("download"), page.click("#btn-png")]);
  const pngFile = path.join(out, "export.png");
  await pngDl.saveAs(pngFile);
  const png = fs.readFileSync(pngFile);
  check(png.length > 10000 && png.subarray(1, 4).toString() === "PNG", `PNG export is an image (${png.length} bytes)`);
  const [gmlDl] = await Promise.all([page.waitForEvent("download"), page.click("#btn-graphml")]);
  const gmlFile = path.join(out, "view.graphml");
  await gmlDl.saveAs(gmlFile);
  const viewXml = fs.readFileSync(gmlFile, "utf8");
  check(viewXml.includes('<node id="person:stefano-gambacurta">'), "view GraphML holds the view's nodes");
  // edge ids are the API's, escaped as the server's GraphML escapes them ("|" is _x007C_)
  check(/<edge id="PARTICIPATED_IN_x007C_person:stefano-gambacurta_x007C_meeting:[^"]*" source="person:stefano-gambacurta"/.test(viewXml),
    "view GraphML edge ids are the API's edge ids");
  log(`exports: PNG ${png.length} bytes, GraphML ${viewXml.length} bytes`);

  step = "shareable URL";
  const url = page.url();
  check(url.includes("pa=") && url.includes("pb=") && url.includes("x="), `URL carries the view: ${url}`);
  const count = (await nodes()).length;
  const page2 = await context.newPage();
  page2.on("pageerror", (e) => errors.push(`page error (shared link): ${e.message}`));
  await page2.setViewportSize({ width: 1440, height: 900 });
  await page2.goto(url, { waitUntil: "networkidle" });
  await page2.waitForFunction(() => window.entente && window.entente.path !== null && window.entente.isIdle(), null, { timeout: 30000 });
  await page2.waitForTimeout(800);
  const count2 = await page2.evaluate(() => window.entente.graph.order);
  const route2 = await page2.evaluate(() => window.entente.path.order);
  check(JSON.stringify(route2) === JSON.stringify(route), `the shared link restores the path: ${route2}`);
  check(count2 === count, `the shared link restores the nodes (${count} vs ${count2})`);
  await page2.screenshot({ path: path.join(out, "05-shared-link.png") });
  log(`shared link restored ${count2} nodes and the path`);
  await page2.close();

  step = "thousands of nodes";
  const page3 = await context.newPage();
  page3.on("pageerror", (e) => errors.push(`page error (bench): ${e.message}`));
  await page3.setViewportSize({ width: 1440, height: 900 });
  await page3.goto(base, { waitUntil: "networkidle" });
  const bench = await page3.evaluate(() => window.entente.bench(3000));
  log(`3000 synthetic nodes: ${JSON.stringify(bench)}`);
  check(bench.nodes === 3000 && bench.layout + bench.render < 15000, `3000 nodes laid out and drawn in time: ${JSON.stringify(bench)}`);
  // the canvas stays responsive: a camera move redraws within a frame budget
  const frame = await page3.evaluate(async () => {
    const { renderer } = window.entente;
    const t = performance.now();
    for (let i = 0; i < 10; i++) { renderer.getCamera().setState({ ratio: 1 - i * 0.05 }); renderer.refresh(); }
    return (performance.now() - t) / 10;
  });
  log(`redraw of 3000 nodes: ${frame.toFixed(1)} ms`);
  await page3.screenshot({ path: path.join(out, "06-thousands.png") });
  await page3.close();

  step = "one vocabulary";
  // The whole graph comes from GET /export/cytoscape: its kinds and roles are the API's enums,
  // as the page's own GraphQL answers are, and roles read as words on the canvas.
  const page4 = await context.newPage();
  page4.on("pageerror", (e) => errors.push(`page error (whole graph): ${e.message}`));
  await page4.goto(base, { waitUntil: "networkidle" });
  await page4.click("#btn-all");
  await page4.waitForFunction(() => window.entente && window.entente.graph.order > 50 && window.entente.isIdle(), null, { timeout: 30000 });
  const vocab = await page4.evaluate(() => {
    const { graph } = window.entente;
    const nodeKinds = new Set(), edgeKinds = new Set(), roles = new Set(), labels = new Set();
    graph.forEachNode((_, a) => nodeKinds.add(a.kind));
    graph.forEachEdge((_, a) => { edgeKinds.add(a.kind); if (a.role) { roles.add(a.role); labels.add(a.label); } });
    return { nodeKinds: [...nodeKinds], edgeKinds: [...edgeKinds], roles: [...roles], labels: [...labels] };
  });
  const enumValues = {
    nodeKinds: ["STATE", "AGENCY", "UN_BODY", "ORGANIZATION", "PERSON", "PROJECT", "ROADMAP", "MEETING", "DOCUMENT"],
    edgeKinds: ["MEMORANDUM", "PARTICIPATED_IN", "FUNDED", "IMPLEMENTS", "PARTY_TO", "PART_OF", "MEMBER_OF", "AFFILIATED_WITH", "HELD_UNDER", "ADOPTED_AT"],
    roles: ["ORGANISER", "HOST", "CHAIR", "SPEAKER", "PARTICIPANT", "IMPLEMENTER", "LEAD", "PARTNER"],
  };
  for (const [what, allowed] of Object.entries(enumValues)) {
    const odd = vocab[what].filter((v) => !allowed.includes(v));
    check(vocab[what].length > 0 && odd.length === 0, `the whole graph's ${what} are the API's enum values: ${vocab[what]} (not: ${odd})`);
  }
  check(vocab.roles.includes("SPEAKER") && vocab.labels.includes("participated in (speaker)"),
    `a speaker's edge reads "participated in (speaker)": roles ${vocab.roles}, labels ${vocab.labels}`);
  log(`whole graph: ${vocab.nodeKinds.length} node kinds, ${vocab.edgeKinds.length} edge kinds, roles ${vocab.roles.join(" ")}`);
  await page4.close();

  check(errors.length === 0, `no errors in the page:\n${errors.join("\n")}`);
  log("PASS");
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
  if (errors.length) console.error(errors.join("\n"));
  try { await context.pages()[0]?.screenshot({ path: path.join(out, "failure.png") }); } catch {}
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
