// Browser test of the page's Duplicates panel and of Split on a node's panel: Debian's
// chromium driven by playwright-core, against a running `entente run` with the seed fixtures.
//   ENTENTE_URL=http://127.0.0.1:8080 ENTENTE_API_KEY=<editor key> ENTENTE_READER_KEY=<reader key> node e2e/duplicates.mjs
// It makes its own duplicates through the API with the editor key: two organisations whose
// names are equal after folding (each read in a seed document, each at a meeting of its own)
// and an organisation with its acronym. In the page it sees both pairs with their kinds,
// countries, sources and reasons; judges the acronym pair Not the same with the keyboard
// (after a missing and a reader key are refused), which stays judged after a reload; skips a
// pair; judges the other pair Same (one node left in the graph, with the edges of both); then
// splits the survivor from its panel (both nodes back, each with its own edge), and sees the
// server's error when a stale panel splits a node with nothing left to undo. Screenshots:
// web/test-results/duplicates.png and split.png.
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
const log = (msg) => console.log(`[duplicates ${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`);
const check = (cond, msg) => { if (!cond) throw new Error(`${step}: ${msg}`); };

async function gql(query, variables = {}, key = null) {
  const headers = { "Content-Type": "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  const r = await fetch(base + "graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) });
  const body = await r.json();
  if (body.errors?.length) throw new Error(`GraphQL: ${body.errors.map((e) => e.message).join("; ")}`);
  return body.data;
}

// Our duplicates. Ids sort a before b, as duplicateCandidates orders a pair.
const MBO = "org:e2e-dup:mbo", MBO2 = "org:e2e-dup:mbo-2";
const AMSF = "org:e2e-dup:amsf", AMSF2 = "org:e2e-dup:amsf-acronym";
const ROME_DOC = "doc:001_fcda6ca7a6e12844", UZ_DOC = "doc:004_92d0de8ab9092945";
const RABAT = "meeting:2023-01-26:rabat:workshop", ROME = "meeting:2024-04-19:rome:meeting";
const span = (document, text) => ({ document, start: 0, end: Array.from(text).length, text });

let failed = false;
const errors = [];
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "entente-chromium-"));
let context;
try {
  step = "keys";
  check(editorKey && readerKey, "ENTENTE_API_KEY (editor) and ENTENTE_READER_KEY (reader) are needed");

  step = "make duplicates through the API";
  const docs = (await gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { ... on Document { title } } b: node(id: $b) { ... on Document { title } } }`,
    { a: ROME_DOC, b: UZ_DOC }));
  check(docs.a?.title && docs.b?.title, `the seed documents are there: ${JSON.stringify(docs)}`);
  await gql(`mutation($a: NodeInput!, $b: NodeInput!, $c: NodeInput!, $d: NodeInput!, $e: EdgeInput!, $f: EdgeInput!) {
      a: upsertNode(input: $a) { id } b: upsertNode(input: $b) { id } c: upsertNode(input: $c) { id } d: upsertNode(input: $d) { id }
      e: addEdge(input: $e) { id } f: addEdge(input: $f) { id } }`, {
    a: { id: MBO, kind: "ORGANIZATION", name: "Mediterranean Border Observatory", country: "MT", sources: [span(UZ_DOC, "Mediterranean Border Observatory")] },
    b: { id: MBO2, kind: "ORGANIZATION", name: "MEDITERRANEAN BORDER OBSERVATORY", country: "MT", sources: [span(ROME_DOC, "MEDITERRANEAN BORDER OBSERVATORY")] },
    c: { id: AMSF, kind: "ORGANIZATION", name: "Adriatic Maritime Security Forum", country: "HR" },
    d: { id: AMSF2, kind: "ORGANIZATION", name: "AMSF", country: "HR" },
    e: { kind: "PARTICIPATED_IN", from: MBO, to: RABAT, role: "PARTICIPANT" },
    f: { kind: "PARTICIPATED_IN", from: MBO2, to: ROME, role: "PARTICIPANT" },
  }, editorKey);
  const cands = (await gql(`{ duplicateCandidates(first: 100) { score reasons a { id } b { id } } }`)).duplicateCandidates;
  const mboC = cands.find((c) => c.a.id === MBO && c.b.id === MBO2), amsfC = cands.find((c) => c.a.id === AMSF && c.b.id === AMSF2);
  check(mboC && amsfC, `the API pairs both: ${JSON.stringify(cands.map((c) => [c.a.id, c.b.id, c.score]))}`);
  log(`${cands.length} candidates; ours: ${mboC.score} ${mboC.reasons.join(", ")} / ${amsfC.score} ${amsfC.reasons.join(", ")}`);

  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath, headless: true, viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(20000);
  page.on("pageerror", (e) => errors.push(`page error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error" && !/status of 40[013]/.test(m.text())) errors.push(`console: ${m.text()}`); });
  const idle = () => page.waitForFunction(() => window.entente && window.entente.isIdle(), null, { polling: 100 });
  const settle = async () => { await idle(); await page.waitForTimeout(700); await idle(); };
  const shot = async (name) => {
    const file = path.join(out, name);
    await page.screenshot({ path: file });
    log(`screenshot ${path.relative(process.cwd(), file)}`);
  };
  // the view for a screenshot: laid out again, and framed
  const frame = async () => {
    await page.click("#btn-layout");
    await settle();
    await page.evaluate(() => window.entente.fit());
    await page.mouse.move(700, 880);
    await settle();
  };
  const dups = () => page.evaluate(() => window.entente.workbench.dups);
  const item = (a, b) => page.locator(`#dups-list li.dup-item[data-a="${a}"][data-b="${b}"]`);
  const activate = async (a, b) => {
    await item(a, b).locator(".dup-why").click();
    await page.waitForFunction(([a, b]) => { const d = window.entente.workbench.dups; return d.pairs[d.active] === `${a}|${b}`; }, [a, b]);
  };
  const clickNode = async (id) => {
    await page.evaluate(() => window.entente.fit());
    await page.waitForTimeout(300);
    const p = await page.evaluate((i) => window.entente.viewportOf(i), id);
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction((i) => window.entente.state.sel === i, id);
  };

  step = "open the Duplicates panel";
  const resp = await page.goto(base, { waitUntil: "networkidle" });
  check(resp && resp.ok(), `GET ${base} answered ${resp && resp.status()}`);
  await page.click("#btn-dups");
  await page.locator("#dups-list li.dup-item").first().waitFor();
  await page.waitForFunction(() => window.entente.workbench.dups.loaded && !window.entente.workbench.dups.loading);
  check(new URL(page.url()).searchParams.get("pane") === "dups", `the URL names the pane: ${page.url()}`);
  const shown = await dups();
  check(shown.pairs.length === cands.length && shown.pairs.every((p, i) => p === `${cands[i].a.id}|${cands[i].b.id}`),
    `the panel lists the API's candidates in its order (best first): ${shown.pairs}`);
  const header = await page.evaluate(() => ({ right: Math.max(...[...document.querySelectorAll("#actions > *")].map((x) => x.getBoundingClientRect().right)), width: innerWidth }));
  check(header.right <= header.width, `the header's buttons fit in the window: ${JSON.stringify(header)}`);
  const scores = await page.locator("#dups-list .dup-why .conf").allInnerTexts();
  check(scores.map((s) => parseInt(s, 10)).every((s, i, xs) => i === 0 || xs[i - 1] >= s), `best first: ${scores}`);
  check(await page.locator("#dups-left").innerText() === String(cands.length), "the panel counts the pairs");

  step = "a pair side by side: names, kinds in their colour, countries, sources, score and reasons";
  const pair = await page.evaluate(([a, b]) => {
    const li = document.querySelector(`#dups-list li.dup-item[data-a="${a}"][data-b="${b}"]`);
    const swatch = getComputedStyle(document.querySelector('#node-kinds input[data-nk="ORGANIZATION"]').parentElement.querySelector("i")).backgroundColor;
    const side = (w) => {
      const el = li.querySelector(`.dup-node[data-side="${w}"]`);
      return { name: el.querySelector(".dup-name").textContent, kind: el.querySelector(".badge").textContent,
        color: getComputedStyle(el.querySelector(".badge")).backgroundColor, country: el.querySelector(".dup-country").textContent,
        sources: [...el.querySelectorAll(".dup-sources li")].map((x) => x.textContent) };
    };
    const ra = li.querySelector('.dup-node[data-side="a"]').getBoundingClientRect(), rb = li.querySelector('.dup-node[data-side="b"]').getBoundingClientRect();
    return { a: side("a"), b: side("b"), swatch, score: li.querySelector(".conf").textContent,
      reasons: [...li.querySelectorAll(".reasons li")].map((x) => x.textContent), sideBySide: Math.abs(ra.top - rb.top) < 2 && rb.left > ra.right };
  }, [MBO, MBO2]);
  check(pair.a.name === "Mediterranean Border Observatory" && pair.b.name === "MEDITERRANEAN BORDER OBSERVATORY", `names: ${JSON.stringify(pair)}`);
  check(pair.sideBySide, "the two nodes are side by side");
  for (const s of [pair.a, pair.b]) {
    check(s.kind === "Organisation" && s.color === pair.swatch, `kind in its colour ${pair.swatch}: ${JSON.stringify(s)}`);
    check(s.country === "MT", `country: ${JSON.stringify(s)}`);
  }
  check(pair.a.sources.some((t) => t.includes(docs.b.title)) && pair.b.sources.some((t) => t.includes(docs.a.title)),
    `each side lists the title of the document it was read in: ${JSON.stringify([pair.a.sources, pair.b.sources])}`);
  check(pair.score === `${Math.round(mboC.score * 100)}%` && JSON.stringify(pair.reasons) === JSON.stringify(mboC.reasons) &&
    pair.reasons.includes("names equal after folding"), `score and reasons in words: ${pair.score} ${pair.reasons}`);
  const amsfReasons = await item(AMSF, AMSF2).locator(".reasons li").allInnerTexts();
  check(amsfReasons.includes("acronym of the other's name"), `the acronym pair says why: ${amsfReasons}`);
  log(`pair shown: ${pair.score} ${pair.reasons.join(" · ")}`);

  step = "a judgement without a key is refused with a message";
  await page.evaluate(() => sessionStorage.clear());
  await activate(AMSF, AMSF2);
  await page.keyboard.press("n");
  await page.locator("#dups-msg.error-msg", { hasText: "editor key" }).waitFor();
  check((await dups()).pairs.includes(`${AMSF}|${AMSF2}`), "nothing judged without a key");

  step = "a reader key is refused (403 FORBIDDEN) with a message";
  await page.fill("#dup-api-key", readerKey);
  await page.press("#dup-api-key", "Enter");
  await page.locator("#dup-key-bar.has-key").waitFor();
  await page.keyboard.press("n");
  await page.locator("#dups-msg.error-msg", { hasText: "FORBIDDEN" }).waitFor();
  const refused = await page.locator("#dups-msg").innerText();
  check(/editor key/.test(refused), `the message says an editor key is needed: ${refused}`);
  check((await dups()).pairs.includes(`${AMSF}|${AMSF2}`), "nothing judged with a reader key");
  log(`reader key refused: ${refused}`);

  step = "Not the same, with the keyboard";
  await page.click('#dup-key-bar button[data-act="forget"]');
  await page.fill("#dup-api-key", editorKey);
  await page.press("#dup-api-key", "Enter");
  await page.locator("#dup-key-bar.has-key").waitFor();
  await activate(AMSF, AMSF2);
  await page.keyboard.press("n");
  await page.waitForFunction((k) => !window.entente.workbench.dups.pairs.includes(k) && !window.entente.workbench.dups.busy && !window.entente.workbench.dups.loading, `${AMSF}|${AMSF2}`);
  check(await item(AMSF, AMSF2).count() === 0, "the judged pair left the list");
  check(/not be suggested again/.test(await page.locator("#dups-msg").innerText()), "the panel says what was done");
  const judged = (await gql(`query($id: ID!) { history(id: $id) { action actor detail } }`, { id: AMSF })).history;
  check(judged[0]?.action === "judge" && judged[0].detail.same === false && !!judged[0].actor && judged[0].actor !== "cli:load", `the server kept the judgement: ${JSON.stringify(judged[0])}`);
  check((await gql(`query($id: ID!) { node(id: $id) { id } }`, { id: AMSF2 })).node?.id === AMSF2, "both nodes stay");

  step = "Skip moves on and keeps the pair, last";
  const before = await dups();
  if (before.pairs.length > 1) {
    const skippedKey = before.pairs[before.active];
    await page.keyboard.press("x");
    await page.waitForFunction((k) => { const d = window.entente.workbench.dups; return d.pairs[d.active] !== k && d.pairs[d.pairs.length - 1] === k; }, skippedKey);
    check((await dups()).pairs.length === before.pairs.length, "a skipped pair stays in the list");
    log(`skipped ${skippedKey}`);
  }

  step = "a judgement holds after a reload";
  await page.goto(base + "?pane=dups", { waitUntil: "networkidle" });
  await page.locator("#dups-list li.dup-item").first().waitFor();
  await page.waitForFunction(() => window.entente.workbench.dups.loaded && !window.entente.workbench.dups.loading);
  await idle();
  const reloaded = await dups();
  check(!reloaded.pairs.includes(`${AMSF}|${AMSF2}`) && reloaded.pairs.includes(`${MBO}|${MBO2}`), `after a reload: ${reloaded.pairs}`);
  check(await page.locator("#dup-key-bar.has-key").count() === 1, "the tab keeps its key");

  step = "both nodes of the other pair in the graph";
  await item(MBO, MBO2).locator('.dup-node[data-side="a"] .dup-name').click();
  await page.waitForFunction((id) => window.entente.state.sel === id && window.entente.state.expanded.includes(id) && window.entente.isIdle(), MBO);
  await item(MBO, MBO2).locator('.dup-node[data-side="b"] .dup-name').click();
  await page.waitForFunction((id) => window.entente.state.sel === id && window.entente.state.expanded.includes(id) && window.entente.isIdle(), MBO2);
  await settle();
  const edgesOf = (id) => page.evaluate((i) => {
    const g = window.entente.graph;
    return g.hasNode(i) ? g.mapEdges(i, (e, a, s, t) => (s === i ? t : s)).sort() : null;
  }, id);
  check(JSON.stringify(await edgesOf(MBO)) === JSON.stringify([RABAT]) && JSON.stringify(await edgesOf(MBO2)) === JSON.stringify([ROME]),
    `each at its own meeting: ${JSON.stringify([await edgesOf(MBO), await edgesOf(MBO2)])}`);
  // their meetings too, for the context in which each was read
  for (const m of [RABAT, ROME]) {
    await clickNode(m);
    await page.waitForFunction((id) => window.entente.state.expanded.includes(id) && window.entente.isIdle(), m);
  }
  await item(MBO, MBO2).locator('.dup-node[data-side="b"] .dup-name').click();
  await page.waitForFunction((id) => window.entente.state.sel === id && window.entente.isIdle(), MBO2);
  await activate(MBO, MBO2);
  await frame();
  await page.mouse.move(700, 880);
  await settle();
  await shot("duplicates.png");

  step = "Same, with the keyboard: one node left";
  const order0 = await page.evaluate(() => window.entente.graph.order);
  await page.keyboard.press("s");
  await page.waitForFunction((k) => !window.entente.workbench.dups.pairs.includes(k) && !window.entente.workbench.dups.busy && !window.entente.workbench.dups.loading, `${MBO}|${MBO2}`);
  await settle();
  const merged = await page.evaluate(([a, b]) => ({ a: window.entente.graph.hasNode(a), b: window.entente.graph.hasNode(b), order: window.entente.graph.order,
    seeds: window.entente.state.seeds }), [MBO, MBO2]);
  check(merged.a && !merged.b && merged.order === order0 - 1, `one node in the graph: ${JSON.stringify(merged)} (was ${order0})`);
  check(!merged.seeds.includes(MBO2), `the view state names the survivor: ${merged.seeds}`);
  check(JSON.stringify(await edgesOf(MBO)) === JSON.stringify([ROME, RABAT].sort()), `the survivor has the edges of both: ${await edgesOf(MBO)}`);
  check((await gql(`query($id: ID!) { node(id: $id) { id } }`, { id: MBO2 })).node?.id === MBO, "the server resolves the merged id to the survivor");
  check(/Merged/.test(await page.locator("#dups-msg").innerText()), "the panel says it merged them");
  log(`merged ${MBO2} into ${MBO}`);

  step = "Split on the survivor's panel";
  await clickNode(MBO);
  await page.locator(`#details[data-shown="${MBO}"] #btn-split`).waitFor();
  await page.click("#btn-split");
  await page.waitForFunction((b) => window.entente.graph.hasNode(b), MBO2);
  await settle();
  check(JSON.stringify(await edgesOf(MBO)) === JSON.stringify([RABAT]) && JSON.stringify(await edgesOf(MBO2)) === JSON.stringify([ROME]),
    `both back, each with its own edge: ${JSON.stringify([await edgesOf(MBO), await edgesOf(MBO2)])}`);
  await page.locator(`#details[data-shown="${MBO}"] #split-msg.hint`, { hasText: "came back" }).waitFor();
  check(await page.locator("#btn-split").count() === 0, "nothing left to split: no Split button");
  const serverBack = await gql(`query($a: ID!, $b: ID!) { a: node(id: $a) { id name } b: node(id: $b) { id name } }`, { a: MBO, b: MBO2 });
  check(serverBack.b?.id === MBO2 && serverBack.b.name === "MEDITERRANEAN BORDER OBSERVATORY", `the server has both: ${JSON.stringify(serverBack)}`);
  await page.waitForFunction((k) => window.entente.workbench.dups.pairs.includes(k), `${MBO}|${MBO2}`);
  await activate(MBO, MBO2); // the pair is suggested again: the split undid the judgement
  await frame();
  await page.mouse.move(700, 880);
  await settle();
  await shot("split.png");
  log(`split ${MBO}: ${MBO2} is back`);

  step = "a stale panel: the server's error, no crash";
  await gql(`mutation($a: ID!, $b: ID!) { judge(a: $a, b: $b, same: true) { id } }`, { a: MBO, b: MBO2 }, editorKey);
  await clickNode(MBO); // its panel again: its history has a merge
  await page.locator(`#details[data-shown="${MBO}"] #btn-split`).waitFor();
  await gql(`mutation($id: ID!) { splitNode(id: $id) { id } }`, { id: MBO }, editorKey); // behind the page's back
  await page.click("#btn-split");
  await page.locator("#split-msg.error-msg", { hasText: "nothing to split" }).waitFor();
  const msg = await page.locator("#split-msg").innerText();
  check(/BAD_USER_INPUT/.test(msg), `the message gives the server's code: ${msg}`);
  log(`stale split refused: ${msg}`);

  check(errors.length === 0, `no errors in the page:\n${errors.join("\n")}`);
  log("PASS");
} catch (e) {
  failed = true;
  console.error(`FAIL ${e.message.startsWith(step) ? "" : `${step}: `}${e.message}`);
  if (errors.length) console.error(errors.join("\n"));
  try { await context?.pages()[0]?.screenshot({ path: path.join(out, "duplicates-failure.png") }); } catch {}
} finally {
  await context?.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
