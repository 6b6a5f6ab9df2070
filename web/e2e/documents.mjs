// Browser test of the page's Documents view and Review panel: Debian's chromium driven by
// playwright-core, against a running `entente run` with the seed fixtures loaded.
//   ENTENTE_URL=http://127.0.0.1:8080 ENTENTE_API_KEY=<editor key> ENTENTE_READER_KEY=<reader key> node e2e/documents.mjs
// It sends a document of its own through POST /documents (with the editor key, its new facts
// proposed), reads it in the Documents view (every mention highlighted in its kind's colour;
// a click selects the node), then reviews two of its facts with the keyboard in the Review
// panel (after seeing a missing key and a reader key refused), and checks the count, the
// graph (proposed edges dashed until reviewed) and the server. Screenshots:
// web/test-results/documents.png and review.png.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const base = (process.env.ENTENTE_URL ?? "http://127.0.0.1:8080").replace(/\/$/, "") + "/";
const editorKey = process.env.ENTENTE_API_KEY ?? "";
const readerKey = process.env.ENTENTE_READER_KEY ?? "";
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.resolve(here, "..", "test-results");
fs.mkdirSync(out, { recursive: true });

const started = Date.now();
let step = "start";
const log = (msg) => console.log(`[documents ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const check = (cond, msg) => { if (!cond) throw new Error(`${step}: ${msg}`); };

// Our own text, invented for this test: a workshop in Valletta that no fixture knows.
const TITLE = "Workshop on protecting public spaces in Valletta";
const TEXT = `UNICRI and Malta hold a workshop on protecting public spaces in Valletta

Valletta, 14 November 2026 – The United Nations Interregional Crime and Justice Research Institute (UNICRI) organised a workshop in Valletta with the Ministry of the Interior of Malta on the protection of public spaces against terrorist attacks. The workshop was funded by the European Union.

Representatives of the Police of Malta, of the Ministry of Justice of Malta and of INTERPOL took part in the workshop.
`;

async function gql(query, variables = {}, key = null) {
  const headers = { "Content-Type": "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  const r = await fetch(base + "graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = await r.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data;
}

let failed = false;
const errors = [];
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-chromium-"));
let context;
try {
  step = "keys";
  check(editorKey && readerKey, "ENTENTE_API_KEY (editor) and ENTENTE_READER_KEY (reader) are needed");

  step = "ingest our document through POST /documents";
  const q = new URLSearchParams({ title: TITLE, published: "2026-11-14", autoAccept: "1" });
  const res = await fetch(`${base}documents?${q}`, {
    method: "POST", body: TEXT,
    headers: { "Content-Type": "text/plain; charset=utf-8", Authorization: `Bearer ${editorKey}` },
  });
  const ing = await res.json();
  check(res.status === 201 && ing.alreadyIngested === false, `POST /documents answered ${res.status} ${JSON.stringify(ing).slice(0, 400)}`);
  const docId = ing.document.id;
  const proposed = ing.edges.filter((e) => e.status === "PROPOSED");
  check(proposed.length >= 3, `at least three proposed edges to review: ${ing.edges.map((e) => `${e.id} ${e.status}`).join(", ")}`);
  log(`ingested ${docId}: ${ing.nodes.length} nodes, ${ing.edges.length} edges (${proposed.length} proposed)`);
  const view = (await gql(`query($id: ID!) { node(id: $id) { ... on Document { text mentionSpans { start end text node { id kind name status } } } } }`, { id: docId })).node;
  check(view.mentionSpans.length > 0, "the API gives the document's mention spans");

  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath, headless: true, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20000);
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !/status of 40[13]/.test(m.text())) errors.push(`console: ${m.text()}`); });
  const idle = () => page.waitForFunction(() => window.entente && window.entente.isIdle(), null, { polling: 100 });
  const settle = async () => { await idle(); await page.waitForTimeout(700); await idle(); };
  const shot = async (name) => {
    const file = path.join(out, name);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  };

  step = "open the Documents view";
  const resp = await page.goto(base, { waitUntil: "networkidle" });
  check(resp && resp.ok(), `GET ${base} answered ${resp && resp.status()}`);
  await page.waitForFunction((n) => document.getElementById("review-count").textContent === String(n), proposed.length);
  await page.click("#btn-docs");
  await page.locator("#doc-list li").first().waitFor();
  const first = await page.locator("#doc-list li").first().innerText();
  check(first.includes(TITLE), `the newest document comes first: ${first}`);
  check(/\d+ to review/.test(first) && /EN/i.test(first) && first.includes("2026-11-14"), `the list gives language, date and counts: ${first}`);
  await shot("documents-list.png");
  // a document loaded from a fixture has no text: what it names is listed instead
  await page.locator("#doc-list a", { hasText: "Sicurezza: incontro a Roma" }).click();
  await page.locator("#docs-view .doc-text mark.mention").first().waitFor();
  check(await page.locator("#docs-view .hint", { hasText: "without its text" }).count() === 1, "a fixture's document says its text is not stored");
  check(await page.locator('#docs-view mark[data-node="person:stefano-gambacurta"]').count() > 0, "and lists what it names");
  await shot("documents-fixture.png");
  await page.click('#docs-view button[data-act="back"]');
  await page.locator("#doc-list a", { hasText: TITLE }).click();
  await page.locator("#doc-text mark.mention").first().waitFor();
  await page.waitForFunction(() => window.entente.workbench.doc !== null && window.entente.isIdle());
  check(new URL(page.url()).searchParams.get("doc") === docId, `the URL names the open document: ${page.url()}`);

  step = "mentions highlighted in their kind's colour";
  const marks = await page.evaluate(() => {
    const swatch = {};
    document.querySelectorAll("#node-kinds input[data-nk]").forEach((inp) => {
      swatch[inp.dataset.nk] = getComputedStyle(inp.parentElement.querySelector("i")).backgroundColor;
    });
    return { swatch, marks: [...document.querySelectorAll("#doc-text mark.mention")].map((m) => ({
      node: m.dataset.node, kind: m.dataset.kind, text: m.textContent, proposed: m.classList.contains("proposed"),
      color: getComputedStyle(m).borderBottomColor, style: getComputedStyle(m).borderBottomStyle })) };
  });
  const cps = Array.from(view.text);
  for (const m of view.mentionSpans) {
    const quoted = cps.slice(m.start, m.end).join("");
    check(quoted === m.text, `span ${m.start}-${m.end} quotes the text: ${quoted} vs ${m.text}`);
    check(marks.marks.some((k) => k.node === m.node.id && m.text.includes(k.text)), `a mark for ${m.node.id} (${m.text})`);
  }
  for (const k of marks.marks) {
    check(k.color === marks.swatch[k.kind], `mark "${k.text}" (${k.kind}) is in its kind's colour ${marks.swatch[k.kind]}, not ${k.color}`);
    check((k.style === "dashed") === k.proposed, `mark "${k.text}" is dashed exactly when its node is proposed`);
  }
  const kindsShown = new Set(marks.marks.map((m) => m.kind));
  check(kindsShown.size >= 3 && marks.marks.some((m) => m.node === "unbody:unicri"), `mentions of several kinds, UNICRI among them: ${[...kindsShown]}`);
  const proposedMarks = marks.marks.filter((m) => m.proposed);
  check(proposedMarks.length > 0, "a proposed node's mention is shown, marked");
  log(`${marks.marks.length} marks of ${kindsShown.size} kinds, ${proposedMarks.length} proposed`);

  step = "proposed edges of the open document are drawn dashed";
  const dashed = await page.evaluate(() => window.entente.proposedEdges());
  check(dashed.length === proposed.length && proposed.every((e) => dashed.includes(e.id)),
    `the graph holds the document's ${proposed.length} proposed edges as proposed: ${dashed}`);
  const webgl = await page.evaluate((ids) => ids.every((id) => window.entente.renderer.getEdgeDisplayData(id)?.hidden), dashed);
  check(webgl, "proposed edges are left to the dashed layer");
  const layerInk = await page.evaluate(() => {
    const c = document.querySelector("canvas.sigma-proposed");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 3; i < d.length; i += 4) if (d[i] > 0) ink++;
    return ink;
  });
  check(layerInk > 200, `the dashed layer is drawn (${layerInk} pixels)`);

  step = "click a mention to select its node";
  await page.locator('#doc-text mark[data-node="unbody:unicri"]').first().click();
  await page.waitForFunction(() => window.entente.state.sel === "unbody:unicri");
  await settle();
  await page.locator('#details[data-shown="unbody:unicri"] .node-head h2').waitFor();
  check(await page.locator('#doc-text mark.selected[data-node="unbody:unicri"]').count() > 0, "the mentions of the selected node stand out");
  const propMark = proposedMarks[0];
  await page.locator(`#doc-text mark[data-node="${propMark.node}"]`).first().click();
  await page.waitForFunction((id) => window.entente.state.sel === id, propMark.node);
  check(await page.evaluate((id) => window.entente.graph.getNodeAttribute(id, "proposed") === true, propMark.node),
    `the proposed node ${propMark.node} is in the graph, marked proposed`);
  log(`selected unbody:unicri, then the proposed ${propMark.node}`);
  await page.locator('#doc-text mark[data-node="unbody:unicri"]').first().click();
  await page.waitForFunction(() => window.entente.state.sel === "unbody:unicri");
  await settle();
  await page.evaluate(() => window.entente.fit());
  await page.mouse.move(700, 880);
  await page.waitForTimeout(500);
  await shot("documents.png");

  step = "Review panel: the open document's queue";
  await page.click('#work [data-tab="review"]');
  await page.locator("#review-list li.review-item").first().waitFor();
  const leftOf = () => page.evaluate(() => Number(document.getElementById("review-left").textContent));
  const left0 = await leftOf();
  check(left0 === proposed.length, `${proposed.length} left to review, the panel says ${left0}`);
  const queue0 = await page.evaluate(() => window.entente.workbench.queue);
  const confs = proposed.map((e) => e.confidence).sort((a, b) => a - b);
  const byId = Object.fromEntries(proposed.map((e) => [e.id, e]));
  check(queue0.every((id, i) => byId[id] && byId[id].confidence === confs[i]), `least sure first: ${queue0}`);
  const quotes = await page.locator("#review-list li.active blockquote").allInnerTexts();
  check(quotes.length > 0 && quotes.every((t) => t.length > 3), `the active fact quotes its evidence: ${quotes}`);

  step = "a review without a key is refused with a message";
  await page.evaluate(() => sessionStorage.clear());
  await page.keyboard.press("a");
  await page.locator("#review-msg.error-msg", { hasText: "editor key" }).waitFor();
  check(await leftOf() === left0, "nothing reviewed without a key");

  step = "an unknown key is refused (401 UNAUTHENTICATED) with a message";
  await page.fill("#api-key", "ent_not_a_key_of_this_server");
  await page.click('#key-bar button[type="submit"]');
  await page.locator("#key-bar.has-key").waitFor();
  await page.keyboard.press("a");
  await page.locator("#review-msg.error-msg", { hasText: "UNAUTHENTICATED" }).waitFor();
  check(await leftOf() === left0, "nothing reviewed with an unknown key");
  log(`unknown key refused: ${await page.locator("#review-msg").innerText()}`);
  await page.click('#key-bar button[data-act="forget"]');

  step = "a reader key is refused (403 FORBIDDEN) with a message";
  await page.fill("#api-key", readerKey);
  await page.click('#key-bar button[type="submit"]');
  await page.locator("#key-bar.has-key").waitFor();
  check(await page.evaluate(() => sessionStorage.getItem("entente.apiKey")) === readerKey, "the key is kept in sessionStorage");
  await page.keyboard.press("a");
  await page.locator("#review-msg.error-msg", { hasText: "FORBIDDEN" }).waitFor();
  const refused = await page.locator("#review-msg").innerText();
  check(/editor/.test(refused), `the message says an editor key is needed: ${refused}`);
  check(await leftOf() === left0, "nothing reviewed with a reader key");
  log(`reader key refused: ${refused}`);

  step = "accept one with the keyboard";
  await page.click('#key-bar button[data-act="forget"]');
  await page.fill("#api-key", editorKey);
  await page.press("#api-key", "Enter");
  await page.locator("#key-bar.has-key").waitFor();
  const accepted = await page.evaluate(() => window.entente.workbench.queue[window.entente.workbench.active]);
  await page.keyboard.press("a");
  await page.waitForFunction((n) => Number(document.getElementById("review-left").textContent) === n, left0 - 1);
  await idle();
  const afterAccept = await page.evaluate((id) => {
    const { graph } = window.entente;
    return { has: graph.hasEdge(id), proposed: graph.hasEdge(id) && graph.getEdgeAttribute(id, "proposed"), hidden: window.entente.renderer.getEdgeDisplayData(id)?.hidden,
      ends: graph.hasEdge(id) ? graph.extremities(id).map((n) => graph.getNodeAttribute(n, "proposed") ?? false) : null };
  }, accepted);
  check(afterAccept.has && afterAccept.proposed === false && !afterAccept.hidden && afterAccept.ends.every((p) => !p),
    `the accepted edge ${accepted} is drawn plain with plain ends: ${JSON.stringify(afterAccept)}`);
  log(`accepted ${accepted}`);

  step = "move with j and reject one with the keyboard";
  const queue1 = await page.evaluate(() => window.entente.workbench.queue);
  let rejected = queue1[0];
  if (queue1.length > 1) {
    await page.keyboard.press("j");
    await page.waitForFunction(() => window.entente.workbench.active === 1);
    rejected = queue1[1];
    await page.keyboard.press("k");
    await page.waitForFunction(() => window.entente.workbench.active === 0);
    await page.keyboard.press("j");
    await page.waitForFunction(() => window.entente.workbench.active === 1);
  }
  check(await page.locator(`#review-list li.active[data-edge="${rejected}"]`).count() === 1, "j/k move the active fact");
  await page.keyboard.press("r");
  await page.waitForFunction((n) => Number(document.getElementById("review-left").textContent) === n, left0 - 2);
  await idle();
  check(!(await page.evaluate((id) => window.entente.graph.hasEdge(id), rejected)), `the rejected edge ${rejected} left the graph`);
  const stillDashed = await page.evaluate(() => window.entente.proposedEdges());
  check(stillDashed.length === proposed.length - 2 && !stillDashed.includes(accepted) && !stillDashed.includes(rejected),
    `the rest is still dashed: ${stillDashed}`);
  check(await page.locator(`#review-list li[data-edge="${accepted}"], #review-list li[data-edge="${rejected}"]`).count() === 0,
    "reviewed facts leave the list");
  log(`rejected ${rejected}; ${left0 - 2} left`);

  step = "the server recorded both reviews";
  const after = await gql(`query($doc: ID!, $a: ID!, $r: ID!) { reviewCount(document: $doc)
    a: history(id: $a) { action actor detail } r: history(id: $r) { action actor detail } }`, { doc: docId, a: accepted, r: rejected });
  check(after.reviewCount === left0 - 2, `reviewCount ${after.reviewCount}, want ${left0 - 2}`);
  check(after.a[0].action === "review" && after.a[0].actor === "notebook" && after.a[0].detail.to === "ACCEPTED", `history of ${accepted}: ${JSON.stringify(after.a[0])}`);
  check(after.r[0].action === "review" && after.r[0].detail.to === "REJECTED", `history of ${rejected}: ${JSON.stringify(after.r[0])}`);

  step = "accept one with the mouse";
  const queue2 = await page.evaluate(() => window.entente.workbench.queue);
  const byMouse = queue2[queue2.length - 1];
  const item = page.locator(`#review-list li[data-edge="${byMouse}"]`);
  await item.locator(".fact").click();
  await page.waitForFunction((id) => window.entente.workbench.queue[window.entente.workbench.active] === id, byMouse);
  const marked = await item.locator("blockquote mark.mention").count();
  check(marked > 0, "the evidence highlights the fact's ends in it");
  await item.locator('button[data-act="accept"]').click();
  await page.waitForFunction((n) => Number(document.getElementById("review-left").textContent) === n, left0 - 3);
  await idle();
  check(await page.evaluate((id) => window.entente.graph.hasEdge(id) && window.entente.graph.getEdgeAttribute(id, "proposed") === false, byMouse),
    `the edge accepted by mouse, ${byMouse}, is drawn plain`);
  check(await page.locator("#review-count").innerText() === String(left0 - 3), "the Review button counts what is left");
  log(`accepted ${byMouse} with the mouse; ${left0 - 3} left`);

  step = "the Documents view follows the review";
  await page.click('#work [data-tab="docs"]');
  const acceptedEnds = await page.evaluate((id) => window.entente.graph.extremities(id), accepted);
  for (const n of acceptedEnds) {
    const dashedMarks = await page.locator(`#doc-text mark.proposed[data-node="${n}"]`).count();
    check(dashedMarks === 0, `${n}, accepted with its edge, is no longer marked proposed in the text`);
  }
  await page.click('#work [data-tab="review"]');
  await page.waitForFunction(() => new URL(location.href).searchParams.get("pane") === "review", null, { timeout: 5000 })
    .catch(() => { throw new Error(`${step}: the URL did not follow the Review tab: ${page.url()}`); });
  await page.locator("#review-list li.review-item.active").waitFor();
  await page.evaluate(() => window.entente.fit());
  await page.mouse.move(700, 880);
  await settle();
  await shot("review.png");

  step = "the link restores the open document and the pane";
  const link = await page.evaluate(() => location.href);
  check(new URL(link).searchParams.get("pane") === "review" && new URL(link).searchParams.get("doc") === docId, `the URL keeps pane and document: ${link}`);
  const page2 = await context.newPage();
  page2.on("pageerror", (e) => errors.push(`page error (link): ${e.message}`));
  await page2.goto(link, { waitUntil: "networkidle" });
  await page2.waitForFunction((id) => window.entente?.workbench.doc === id && window.entente.workbench.pane === "review" && window.entente.isIdle(), docId);
  await page2.locator("#review-list li.review-item").first().waitFor();
  const restored = await page2.evaluate(() => ({ left: Number(document.getElementById("review-left").textContent), dashed: window.entente.proposedEdges().length }));
  check(restored.left === left0 - 3 && restored.dashed === left0 - 3, `the link reopens the queue and the dashed facts: ${JSON.stringify(restored)}`);
  await page2.close();

  check(errors.length === 0, `no errors in the page:\n${errors.join("\n")}`);
  log("PASS");
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message}`);
  if (errors.length) console.error(errors.join("\n"));
  try { await context?.pages()[0]?.screenshot({ path: path.join(out, "documents-failure.png") }); } catch {}
} finally {
  await context?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
