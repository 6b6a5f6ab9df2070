import "./style.css";
import { MultiDirectedGraph } from "graphology";
import Sigma from "sigma";
import { animateNodes } from "sigma/utils";
import forceAtlas2 from "graphology-layout-forceatlas2";
import { downloadAsPNG } from "@sigma/export-image";

import * as api from "./api";
import type { GEdge, GNode, Source, Subgraph } from "./api";
import { emptyState, fromQuery, inRange, toQuery, validDate, type ViewState } from "./state";
import {
  DIM_EDGE, DIM_NODE, EDGE_COLOR, EDGE_KINDS, FOCUS_COLOR, NODE_KINDS, PATH_COLOR, PROPOSED_COLOR, colorOf, edgeKindLabel, kindLabel,
  paler, roleLabel,
} from "./style";
import { Workbench } from "./workbench";
import { apiKey, howToGetAKey, keyRefusal } from "./apikey";
import { toGraphML } from "./graphml";
import { esc } from "./html";

// ---------------------------------------------------------------- model

interface NodeAttrs {
  x: number; y: number; size: number; color: string; label: string;
  kind: string; name: string; date: string | null; place: string | null; country: string | null;
  fixed?: boolean;
  proposed?: boolean; // waiting for review: drawn paler, until its edge is accepted
}
interface EdgeAttrs {
  kind: string; label: string; color: string; size: number; type: string; date: string | null;
  role: string | null; title: string | null; place: string | null; sources: Source[];
  proposed?: boolean; // a PROPOSED edge of the open document: drawn dashed (drawProposed), not by WebGL
  confidence?: number;
}

const graph = new MultiDirectedGraph<NodeAttrs, EdgeAttrs>();
let state: ViewState = fromQuery(location.search);
let path: { nodes: Set<string>; edges: Set<string>; order: string[]; edgeOrder: string[] } | null = null;
let hovered: string | null = null;
let truncated = false;
let workbench: Workbench | undefined; // the Documents view and the Review panel (set at the end)
let proposedShown: api.ReviewEdge[] = []; // the proposed edges drawn for the open document
let splitNote: { id: string; text: string; error: boolean } | null = null; // the last split's message, on its node's panel

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// ---------------------------------------------------------------- rendering

const container = $("sigma");
const renderer = new Sigma<NodeAttrs, EdgeAttrs>(graph, container, {
  renderEdgeLabels: true,
  enableEdgeEvents: true,
  defaultEdgeType: "arrow",
  labelFont: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  labelSize: 13,
  labelWeight: "500",
  labelColor: { color: "#1d2329" },
  labelDensity: 1.2,
  labelGridCellSize: 70,
  labelRenderedSizeThreshold: 5,
  edgeLabelFont: "Inter, system-ui, sans-serif",
  edgeLabelSize: 11,
  edgeLabelColor: { color: "#6b7480" },
  zIndex: true,
  minCameraRatio: 0.05,
  maxCameraRatio: 20,
  stagePadding: 70,
  nodeReducer: (id, data) => {
    const res: Partial<NodeAttrs> & { hidden?: boolean; highlighted?: boolean; zIndex?: number; forceLabel?: boolean } = { ...data };
    if (!nodeVisible(id, data)) return { ...res, hidden: true };
    const focus = hovered;
    if (path) {
      if (path.nodes.has(id)) { res.highlighted = true; res.zIndex = 2; res.forceLabel = true; }
      else if (id !== focus) { res.color = DIM_NODE; res.label = ""; res.zIndex = 0; }
    } else if (focus && id !== focus && !graph.areNeighbors(focus, id)) {
      res.color = DIM_NODE; res.label = ""; res.zIndex = 0;
    } else if (focus) {
      res.zIndex = 1; res.forceLabel = true;
    }
    if (data.proposed && res.color !== DIM_NODE) { res.color = paler(data.color, 0.55); if (res.label) res.label = `${res.label} (proposed)`; }
    if (id === state.sel) { res.highlighted = true; res.forceLabel = true; res.zIndex = 3; }
    return res;
  },
  edgeReducer: (id, data) => {
    const res: Partial<EdgeAttrs> & { hidden?: boolean; zIndex?: number; forceLabel?: boolean } = { ...data };
    if (!edgeVisible(id, data)) return { ...res, hidden: true };
    if (data.proposed) return { ...res, hidden: true }; // drawn dashed by drawProposed
    const [s, t] = graph.extremities(id);
    if (path) {
      if (path.edges.has(id)) { res.color = PATH_COLOR; res.size = 4; res.zIndex = 2; res.forceLabel = true; }
      else { res.color = DIM_EDGE; res.label = ""; }
    } else if (hovered) {
      if (s === hovered || t === hovered) { res.color = "#5c6670"; res.size = 2; res.forceLabel = true; res.zIndex = 1; }
      else { res.color = DIM_EDGE; res.label = ""; }
    }
    return res;
  },
});

// Proposed edges of the open document are drawn dashed on a canvas of their own, under the
// nodes: WebGL draws them not at all (edgeReducer hides them).
const proposedCanvas = renderer.createCanvas("proposed", { beforeLayer: "nodes" });
let focusedEdge: string | null = null;
function drawProposed() {
  const w = container.clientWidth, h = container.clientHeight, ratio = window.devicePixelRatio || 1;
  if (proposedCanvas.width !== Math.round(w * ratio) || proposedCanvas.height !== Math.round(h * ratio)) {
    proposedCanvas.width = Math.round(w * ratio); proposedCanvas.height = Math.round(h * ratio);
    proposedCanvas.style.width = `${w}px`; proposedCanvas.style.height = `${h}px`;
  }
  const ctx = proposedCanvas.getContext("2d")!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  graph.forEachEdge((id, a, s, t, sa, ta) => {
    if (!a.proposed || !edgeVisible(id, a)) return;
    const p = renderer.graphToViewport(sa), q = renderer.graphToViewport(ta);
    const focus = id === focusedEdge;
    const dim = !!(path || (hovered && s !== hovered && t !== hovered));
    ctx.save();
    ctx.globalAlpha = dim ? 0.25 : 1;
    ctx.strokeStyle = focus ? FOCUS_COLOR : PROPOSED_COLOR;
    ctx.lineWidth = focus ? 3.5 : 2;
    ctx.setLineDash(focus ? [9, 5] : [6, 5]);
    ctx.beginPath(); ctx.moveTo(p.x, p.y); ctx.lineTo(q.x, q.y); ctx.stroke();
    // an arrowhead at the target's rim
    const len = Math.hypot(q.x - p.x, q.y - p.y);
    if (len > 30) {
      const ux = (q.x - p.x) / len, uy = (q.y - p.y) / len;
      const r = (renderer.getNodeDisplayData(t)?.size ?? 6) / renderer.getCamera().getState().ratio ** 0.5 + 3;
      const tipX = q.x - ux * r, tipY = q.y - uy * r, k = focus ? 11 : 8;
      ctx.setLineDash([]);
      ctx.fillStyle = ctx.strokeStyle;
      ctx.beginPath();
      ctx.moveTo(tipX, tipY);
      ctx.lineTo(tipX - ux * k - uy * k * 0.5, tipY - uy * k + ux * k * 0.5);
      ctx.lineTo(tipX - ux * k + uy * k * 0.5, tipY - uy * k - ux * k * 0.5);
      ctx.closePath(); ctx.fill();
    }
    if (!dim && len > 80) {
      ctx.font = `${focus ? "600 " : ""}11px Inter, system-ui, sans-serif`;
      ctx.fillStyle = focus ? FOCUS_COLOR : PROPOSED_COLOR;
      ctx.textAlign = "center";
      const label = `${a.label} · proposed`;
      ctx.save();
      ctx.translate((p.x + q.x) / 2, (p.y + q.y) / 2);
      let angle = Math.atan2(q.y - p.y, q.x - p.x);
      if (angle > Math.PI / 2 || angle < -Math.PI / 2) angle += Math.PI;
      ctx.rotate(angle);
      ctx.fillText(label, 0, -4);
      ctx.restore();
    }
    ctx.restore();
  });
}
renderer.on("afterRender", drawProposed);

function nodeVisible(id: string, a: NodeAttrs): boolean {
  if (state.hiddenNodeKinds.has(a.kind)) return false;
  if (!inRange(a.date, state.from, upper())) return false;
  return id !== undefined;
}
function edgeVisible(id: string, a: EdgeAttrs): boolean {
  if (state.hiddenEdgeKinds.has(a.kind)) return false;
  if (!inRange(a.date, state.from, upper())) return false;
  const [s, t] = graph.extremities(id);
  return nodeVisible(s, graph.getNodeAttributes(s)) && nodeVisible(t, graph.getNodeAttributes(t));
}
// The effective upper date: the earlier of the "to" filter and the timeline slider.
function upper(): string {
  if (state.to && state.until) return state.to < state.until ? state.to : state.until;
  return state.to || state.until;
}

// ---------------------------------------------------------------- graph building

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

const short = (s: string, n = 42) => (s.length > n ? s.slice(0, n - 1) + "…" : s);

function nodeDate(n: GNode): string | null {
  return n.startDate ?? n.published ?? null;
}

// addNode adds n if missing, placed on a ring around near (or around the centre); returns true when new.
function addNode(n: GNode, near?: string | null, ring = 0, ringSize = 1, at?: { x: number; y: number }): boolean {
  if (graph.hasNode(n.id)) {
    const a = graph.getNodeAttributes(n.id);
    if (!a.date && nodeDate(n)) graph.setNodeAttribute(n.id, "date", nodeDate(n));
    return false;
  }
  let x = at?.x ?? 0, y = at?.y ?? 0;
  if (at) {
    // placed by the caller
  } else if (near && graph.hasNode(near)) {
    const c = graph.getNodeAttributes(near);
    const angle = 2 * Math.PI * (ring / Math.max(ringSize, 1)) + hash(near) * 2 * Math.PI;
    const r = 30 + 4 * Math.sqrt(ringSize);
    x = c.x + r * Math.cos(angle); y = c.y + r * Math.sin(angle);
  } else if (graph.order > 0) {
    // a node unrelated to the view goes just beside it, on the right
    let maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    graph.forEachNode((_, a) => { maxX = Math.max(maxX, a.x); minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y); });
    x = maxX + 60; y = minY + (maxY - minY) * hash(n.id);
  }
  const place = n.place ?? null;
  graph.addNode(n.id, {
    x, y, size: 6, color: colorOf(n.kind), label: short(n.name), kind: n.kind, name: n.name,
    date: nodeDate(n), place, country: n.country ?? null,
  });
  return true;
}

function edgeLabel(e: GEdge): string {
  const base = edgeKindLabel(e.kind);
  return e.role && e.role !== "PARTICIPANT" ? `${base} (${roleLabel(e.role)})` : base;
}

function addEdge(e: GEdge): boolean {
  if (graph.hasEdge(e.id) || !graph.hasNode(e.from.id) || !graph.hasNode(e.to.id)) return false;
  graph.addDirectedEdgeWithKey(e.id, e.from.id, e.to.id, {
    kind: e.kind, label: edgeLabel(e), color: EDGE_COLOR, size: 1.5, type: "arrow", date: e.date ?? null,
    role: e.role ?? null, title: e.title ?? null, place: e.place ?? null, sources: e.sources ?? [],
  });
  return true;
}

function resize() {
  graph.forEachNode((id) => {
    const d = graph.degree(id);
    graph.setNodeAttribute(id, "size", Math.min(22, 5 + 2.2 * Math.sqrt(d)));
  });
}

// merge adds a subgraph around center; new nodes are laid out around it while the rest stays put.
function merge(sg: Subgraph, center: string | null): string[] {
  const fresh = sg.nodes.filter((n) => !graph.hasNode(n.id));
  fresh.sort((a, b) => (a.kind + a.name).localeCompare(b.kind + b.name));
  const added: string[] = [];
  if (!center && fresh.length > 1) {
    // many unrelated nodes (the whole graph): a disc beside what is there, for the layout to sort out
    let maxX = 0;
    graph.forEachNode((_, a) => { maxX = Math.max(maxX, a.x); });
    const r = 12 * Math.sqrt(fresh.length), cx = graph.order ? maxX + r + 60 : 0;
    for (const n of fresh) {
      const d = r * Math.sqrt(hash(n.id)), t = 2 * Math.PI * hash(n.id + "θ");
      if (addNode(n, null, 0, 1, { x: cx + d * Math.cos(t), y: d * Math.sin(t) })) added.push(n.id);
    }
  }
  fresh.forEach((n, i) => { if (addNode(n, center, i, fresh.length)) added.push(n.id); });
  for (const n of sg.nodes) addNode(n);
  for (const e of sg.edges) addEdge(e);
  resize();
  return added;
}

function fa2Settings(order: number) {
  const inferred = forceAtlas2.inferSettings(order);
  return { ...inferred, gravity: 1.5, scalingRatio: 40, strongGravityMode: false, barnesHutOptimize: order > 600, adjustSizes: false, slowDown: 3 };
}

// layout is incremental: the new nodes, placed on a ring around the node they came from, are
// first laid out with everything else pinned, then the whole graph relaxes from where it is.
// ForceAtlas2 started near its equilibrium moves settled nodes little, so expanding keeps the
// picture the user has read; all=true relaxes everything longer (Re-layout, whole graph).
function layout(added: string[], all = false, animate = true): Promise<void> {
  if (graph.order < 2 || (!all && added.length === 0)) return Promise.resolve();
  const settings = fa2Settings(graph.order);
  const start = new Map<string, { x: number; y: number }>();
  graph.forEachNode((id, a) => start.set(id, { x: a.x, y: a.y }));
  if (!all) {
    const fresh = new Set(added);
    graph.forEachNode((id) => graph.setNodeAttribute(id, "fixed", !fresh.has(id)));
    forceAtlas2.assign(graph, { iterations: 80, settings });
    graph.forEachNode((id) => graph.removeNodeAttribute(id, "fixed"));
  }
  const iterations = all ? Math.max(60, Math.min(500, Math.round(80000 / graph.order))) : 120;
  const positions = forceAtlas2(graph, { iterations, settings });
  if (!animate || graph.order > 1500) {
    graph.forEachNode((id) => { const p = positions[id]; if (p) graph.mergeNodeAttributes(id, p); });
    return Promise.resolve();
  }
  // animate from where the user saw the nodes (new ones from their ring) to where they go
  graph.forEachNode((id) => { const p = start.get(id)!; graph.mergeNodeAttributes(id, p); });
  return new Promise((resolve) => animateNodes(graph, positions, { duration: 500 }, resolve));
}

// ---------------------------------------------------------------- actions

let busy = 0;
function setBusy(delta: number, msg?: string) {
  busy += delta;
  document.body.classList.toggle("busy", busy > 0);
  if (msg) status(msg);
}
function status(msg: string, error = false) {
  const el = $("status");
  el.textContent = msg;
  el.classList.toggle("error", error);
}
function summary() {
  let vn = 0, ve = 0;
  graph.forEachNode((id, a) => { if (nodeVisible(id, a)) vn++; });
  graph.forEachEdge((id, a) => { if (edgeVisible(id, a)) ve++; });
  const hidden = graph.order - vn;
  status(`${vn} nodes · ${ve} edges` + (hidden ? ` · ${hidden} filtered out` : "") + (truncated ? " · some neighbourhoods truncated" : ""));
  $("empty-hint").hidden = graph.order > 0;
}

async function run<T>(what: string, f: () => Promise<T>): Promise<T | undefined> {
  setBusy(1, what + "…");
  try {
    return await f();
  } catch (e) {
    console.error(e);
    status(`${what} failed: ${(e as Error).message}`, true);
    return undefined;
  } finally {
    setBusy(-1);
    if (!$("status").classList.contains("error")) summary();
  }
}

async function expand(id: string, record = true) {
  await run("Loading neighbours", async () => {
    const sg = await api.neighbourhood(id);
    truncated ||= sg.truncated;
    if (!graph.hasNode(id)) {
      const self = sg.nodes.find((n) => n.id === id);
      if (self) { addNode(self); }
    }
    const added = merge(sg, id);
    if (record && !state.expanded.includes(id)) state.expanded.push(id);
    refreshAfterChange();
    await layout(added);
    if (record) fitIfNeeded();
  });
}

async function addSeed(n: GNode) {
  const isNew = addNode(n);
  if (!state.seeds.includes(n.id)) state.seeds.push(n.id);
  if (isNew) resize();
  await select(n.id);
  if (!state.expanded.includes(n.id)) await expand(n.id);
  fitIfNeeded(true);
}

async function select(id: string | null, showPanel = true) {
  state.sel = id && graph.hasNode(id) ? id : null;
  if (splitNote && splitNote.id !== state.sel) splitNote = null;
  workbench?.nodeSelected(state.sel);
  renderer.refresh({ skipIndexation: true });
  pushUrl();
  if (showPanel) await renderDetails();
}

async function setPathEnd(which: "a" | "b", id: string | null) {
  if (which === "a") state.pathA = id; else state.pathB = id;
  await computePath();
}

async function computePath() {
  path = null;
  $("path-steps").innerHTML = "";
  renderPathEnds();
  if (state.pathA && state.pathB && state.pathA !== state.pathB) {
    const a = state.pathA, b = state.pathB;
    await run("Finding the shortest path", async () => {
      const p = await api.shortestPath(a, b);
      if (!p) {
        $("path-steps").innerHTML = `<li class="none">No path within 8 hops.</li>`;
        return;
      }
      const added: string[] = [];
      p.nodes.forEach((n, i) => {
        const prev = i > 0 ? p.nodes[i - 1].id : null;
        if (addNode(n, prev)) added.push(n.id);
      });
      p.edges.forEach(addEdge);
      resize();
      path = {
        nodes: new Set(p.nodes.map((n) => n.id)), edges: new Set(p.edges.map((e) => e.id)),
        order: p.nodes.map((n) => n.id), edgeOrder: p.edges.map((e) => e.id),
      };
      // a path through a filtered-out kind must still be seen
      for (const n of p.nodes) state.hiddenNodeKinds.delete(n.kind);
      for (const e of p.edges) state.hiddenEdgeKinds.delete(e.kind);
      renderFilters();
      refreshAfterChange();
      await layout(added);
      renderPathSteps(p.nodes, p.edges);
      fitIfNeeded(true);
    });
  }
  renderer.refresh({ skipIndexation: true });
  pushUrl();
  summary();
}

async function loadAll(record = true) {
  await run("Loading the whole graph", async () => {
    const sg = await api.wholeGraph();
    truncated ||= sg.truncated;
    const added = merge(sg, null);
    if (record) state.all = true;
    refreshAfterChange();
    await layout(added, true, graph.order < 800);
    fitView(300);
  });
}

function clearAll() {
  graph.clear();
  const keep = { hk: state.hiddenNodeKinds, he: state.hiddenEdgeKinds, pane: state.pane, doc: state.doc };
  state = emptyState();
  state.hiddenNodeKinds = keep.hk; state.hiddenEdgeKinds = keep.he; state.pane = keep.pane; state.doc = keep.doc;
  path = null; truncated = false;
  $("path-steps").innerHTML = "";
  renderPathEnds();
  refreshAfterChange();
  renderDetails();
  pushUrl();
  if (proposedShown.length) void showProposed(proposedShown);
}

// fitView frames the nodes with room on the right for their labels (drawn right of the node).
function fitView(duration: number) {
  renderer.getCamera().animate({ x: 0.56, y: 0.5, ratio: 1.14, angle: 0 }, { duration });
}

let fitted = false;
function fitIfNeeded(force = false) {
  if (force || !fitted) {
    fitView(350);
    fitted = true;
  }
}

function refreshAfterChange() {
  renderTimeline();
  refreshPanel();
  renderer.refresh();
  pushUrl();
  summary();
}

// ---------------------------------------------------------------- URL

function pushUrl() {
  const q = toQuery(state);
  if (q !== location.search) history.replaceState(null, "", location.pathname + q);
  const around = state.sel ?? state.seeds[0];
  const link = $("link-graphml") as HTMLAnchorElement;
  link.hidden = !around;
  if (around) link.href = `export/graphml?around=${encodeURIComponent(around)}&depth=1`;
}

async function restore() {
  const want = state;
  state = { ...emptyState(), hiddenNodeKinds: want.hiddenNodeKinds, hiddenEdgeKinds: want.hiddenEdgeKinds, from: want.from, to: want.to, until: want.until };
  renderFilters();
  if (want.all) await loadAll();
  // replay in the user's order (a seed is expanded as soon as it is picked), so that the
  // deterministic layout comes out as the user saw it
  const addSeedNode = async (id: string) => {
    if (state.seeds.includes(id)) return;
    const n = graph.hasNode(id) ? null : await run("Loading", () => api.node(id));
    if (n) addNode(n);
    if (graph.hasNode(id)) state.seeds.push(id);
  };
  for (const id of want.expanded) {
    if (want.seeds.includes(id)) await addSeedNode(id);
    await expand(id);
  }
  for (const id of want.seeds) await addSeedNode(id);
  state.until = want.until;
  if (want.pathA || want.pathB) {
    state.pathA = want.pathA; state.pathB = want.pathB;
    await computePath();
  }
  refreshAfterChange();
  fitIfNeeded(true);
  if (want.sel) await select(want.sel);
  else renderDetails();
  if (want.pane || want.doc) await workbench!.open(want.pane ?? "docs", want.doc);
}

// ---------------------------------------------------------------- side panel


function badge(kind: string) {
  return `<span class="badge" style="--c:${colorOf(kind)}">${esc(kindLabel(kind))}</span>`;
}

function sourcesHTML(sources: Source[]): string {
  if (!sources.length) return `<p class="hint">No sources.</p>`;
  const byDoc = new Map<string, { title: string; lang: string | null; items: Source[] }>();
  const refs: string[] = [];
  for (const s of sources) {
    if (!s.document) { if (s.reference) refs.push(s.reference); continue; }
    const k = s.document.id;
    if (!byDoc.has(k)) byDoc.set(k, { title: s.document.title || s.document.id, lang: s.document.language, items: [] });
    byDoc.get(k)!.items.push(s);
  }
  let html = "";
  for (const [id, d] of byDoc) {
    const seen = new Set<string>();
    const quotes = d.items.filter((s) => { const t = (s.text ?? "").trim(); if (!t || seen.has(t)) return false; seen.add(t); return true; });
    html += `<div class="doc"><div class="doc-title" title="${esc(id)}">${esc(d.title)}${d.lang ? ` <span class="lang">${esc(d.lang)}</span>` : ""}</div>`;
    html += quotes.map((s) => `<blockquote>“${esc(s.text)}”<span class="span">${s.start ?? ""}–${s.end ?? ""}</span></blockquote>`).join("");
    if (d.items.length > quotes.length) html += `<div class="hint">${d.items.length} mentions in this document</div>`;
    html += `</div>`;
  }
  if (refs.length) html += `<div class="doc"><div class="doc-title">Reference data</div>${[...new Set(refs)].map((r) => `<blockquote>${esc(r)}</blockquote>`).join("")}</div>`;
  return html;
}

let detailsSeq = 0;
async function renderDetails() {
  const el = $("details");
  const id = state.sel;
  const seq = ++detailsSeq;
  if (!id) {
    el.innerHTML = `<p class="hint">Click a node to see its details, aliases and sources, and to expand its neighbours.</p>`;
    el.dataset.shown = "";
    return;
  }
  const a = graph.getNodeAttributes(id);
  el.innerHTML = `<header class="node-head">${badge(a.kind)}<h2>${esc(a.name)}</h2><code>${esc(id)}</code></header><p class="hint">Loading…</p>`;
  let d: api.Details | null | undefined;
  // its history says whether others were merged into it (Split); a failure there only hides Split
  const hist = a.proposed || a.kind === "DOCUMENT" ? Promise.resolve(null) : api.history(id).catch(() => null);
  try { d = await api.details(id); } catch (e) { d = undefined; status(`Details failed: ${(e as Error).message}`, true); }
  const changes = await hist;
  if (seq !== detailsSeq) return;
  const splittable = !!d && !!changes && api.mergesToUndo(id, changes);
  const note = splitNote?.id === id ? splitNote : null;
  const props: [string, unknown][] = [];
  if (d) {
    props.push(["title", d.title], ["subtype", d.subtype], ["country", d.country], ["place", d.place],
      ["start", d.startDate], ["end", d.endDate], ["published", d.published], ["language", d.language],
      ["description", d.description], ["state", d.state?.name]);
  }
  const neighbours = neighboursHTML(id);
  el.innerHTML = `
    <header class="node-head">${badge(a.kind)}<h2>${esc(a.name)}</h2><code>${esc(id)}</code></header>
    <div class="buttons">
      <button data-act="expand" id="btn-expand">Expand</button>
      <button data-act="path-a">Path from</button>
      <button data-act="path-b">Path to</button>
      <button data-act="hide">Remove</button>
      ${splittable ? `<button data-act="split" id="btn-split" title="Undo the merges into this node: the merged nodes come back with their own edges and sources">Split</button>` : ""}
    </div>
    <p id="split-msg" class="${note?.error ? "error-msg" : "hint"}" ${note ? "" : "hidden"}>${esc(note?.text ?? "")}</p>
    ${props.some(([, v]) => v) ? `<table class="props">${props.filter(([, v]) => v).map(([k, v]) => `<tr><th>${k}</th><td>${esc(v)}</td></tr>`).join("")}</table>` : ""}
    <h3>Aliases</h3>
    ${d && d.aliases.length ? `<ul class="aliases">${d.aliases.map((x) => `<li>${esc(x)}</li>`).join("")}</ul>` : `<p class="hint">None.</p>`}
    <h3>In this view</h3>
    <div id="nb-section">${neighbours}</div>
    <h3>Sources</h3>
    <div class="sources">${d ? sourcesHTML(d.sources) : a.proposed
      ? `<p class="hint">Proposed: read in the open document, waiting for review. The graph's queries see it once an edge of it is accepted.</p>`
      : `<p class="hint">Unavailable.</p>`}</div>`;
  el.dataset.shown = id;
  refreshPanel();
}

// refreshPanel updates what the graph changes in the open panel: neighbours and the expand button.
function refreshPanel() {
  const el = $("details"), id = state.sel;
  if (!id || el.dataset.shown !== id || !graph.hasNode(id)) return;
  const nb = document.getElementById("nb-section");
  if (nb) nb.innerHTML = neighboursHTML(id);
  const b = document.getElementById("btn-expand") as HTMLButtonElement | null;
  if (b) { const done = state.expanded.includes(id); b.disabled = done; b.textContent = done ? "Expanded" : "Expand"; }
}

function neighboursHTML(id: string): string {
  const rows: string[] = [];
  graph.forEachEdge(id, (e, ea, s, t) => {
    const other = s === id ? t : s;
    const oa = graph.getNodeAttributes(other);
    const dir = s === id ? "→" : "←";
    rows.push(`<li><span class="ek">${dir} ${esc(ea.label)}${ea.proposed ? ` <span class="tag">proposed</span>` : ""}</span> <a href="#" data-node="${esc(other)}" class="nb"><i style="background:${colorOf(oa.kind)}"></i>${esc(oa.name)}</a>${oa.date ? ` <span class="date">${esc(oa.date)}</span>` : ""}</li>`);
  });
  rows.sort();
  return rows.length ? `<ul class="neighbours">${rows.join("")}</ul>` : `<p class="hint">No neighbours loaded yet.</p>`;
}

async function renderEdgeDetails(edge: string) {
  const a = graph.getEdgeAttributes(edge);
  if (!a.sources.length) {
    try { graph.setEdgeAttribute(edge, "sources", await api.edgeSources(edge, graph.source(edge))); }
    catch (e) { status(`Sources failed: ${(e as Error).message}`, true); }
  }
  const [s, t] = graph.extremities(edge);
  const sa = graph.getNodeAttributes(s), ta = graph.getNodeAttributes(t);
  const props: [string, unknown][] = [["role", a.role && roleLabel(a.role)], ["date", a.date], ["title", a.title], ["place", a.place]];
  $("details").dataset.shown = "";
  $("details").innerHTML = `
    <header class="node-head"><span class="badge edge">${esc(edgeKindLabel(a.kind))}</span>
      <h2><a href="#" data-node="${esc(s)}" class="nb">${esc(sa.name)}</a> → <a href="#" data-node="${esc(t)}" class="nb">${esc(ta.name)}</a></h2><code>${esc(edge)}</code></header>
    ${props.some(([, v]) => v) ? `<table class="props">${props.filter(([, v]) => v).map(([k, v]) => `<tr><th>${k}</th><td>${esc(v)}</td></tr>`).join("")}</table>` : ""}
    <h3>Sources</h3><div class="sources">${sourcesHTML(a.sources)}</div>`;
}

$("details").addEventListener("click", async (ev) => {
  const t = ev.target as HTMLElement;
  const nb = t.closest("[data-node]") as HTMLElement | null;
  if (nb) { ev.preventDefault(); await select(nb.dataset.node!); return; }
  const act = (t.closest("[data-act]") as HTMLElement | null)?.dataset.act;
  const id = state.sel;
  if (!act || !id) return;
  if (act === "expand") { await expand(id); await renderDetails(); }
  if (act === "path-a") await setPathEnd("a", id);
  if (act === "path-b") await setPathEnd("b", id);
  if (act === "hide") removeNode(id);
  if (act === "split") await splitSelected(id);
});

// ---------------------------------------------------------------- merges and splits

function sayOnPanel(id: string, text: string, error: boolean) {
  splitNote = { id, text, error };
  const el = document.getElementById("split-msg");
  if (el && $("details").dataset.shown === id) { el.textContent = text; el.className = error ? "error-msg" : "hint"; el.hidden = false; }
}

// splitSelected undoes the merges into a node with the tab's editor key, and brings the
// nodes that come back into the graph.
async function splitSelected(id: string) {
  const key = apiKey();
  if (!key) {
    sayOnPanel(id, `A split needs an editor key: paste one in the Duplicates or the Review panel (${howToGetAKey}).`, true);
    return;
  }
  const btn = document.getElementById("btn-split") as HTMLButtonElement | null;
  if (btn) btn.disabled = true;
  let nodes: GNode[];
  try {
    nodes = await api.splitNode(key, id);
  } catch (err) {
    const x = err as api.ApiError;
    sayOnPanel(id, keyRefusal(x, "a split") ?? `The split failed${x.code ? ` (${x.code})` : ""}: ${x.message}`, true);
    if (btn) btn.disabled = false;
    return;
  }
  const back = nodes.slice(1);
  splitNote = { id, text: `Split: ${back.map((n) => `“${n.name}”`).join(", ")} came back with ${back.length === 1 ? "its" : "their"} own edges and sources.`, error: false };
  await afterSplit(nodes[0] ?? { id, kind: graph.getNodeAttribute(id, "kind") as GNode["kind"], name: graph.getNodeAttribute(id, "name") }, back);
  if (workbench?.pane === "dups") await workbench.dups.load(); // the split pair may be a candidate again
}

// dropPlainEdges removes a node's edges read from the graph (not the proposed ones of the
// open document): a merge or a split changes them, and they are read again.
function dropPlainEdges(id: string) {
  if (!graph.hasNode(id)) return;
  const gone = graph.filterEdges(id, (_, a) => !a.proposed);
  for (const e of gone) graph.dropEdge(e);
}

// reread reads the neighbourhood of nodes whose edges changed: all of it for an expanded
// node, else only the edges between nodes already shown. Returns the nodes added.
async function reread(ids: string[]): Promise<string[]> {
  const added: string[] = [];
  for (const id of ids) {
    if (!graph.hasNode(id)) continue;
    const sg = await api.neighbourhood(id);
    if (state.expanded.includes(id)) { truncated ||= sg.truncated; added.push(...merge(sg, id)); }
    else for (const e of sg.edges) addEdge(e);
  }
  resize();
  return added;
}

// afterMerge: merged is gone from the graph, the survivor takes its place (in the view state
// too) and its edges are read again.
async function afterMerge(survivor: GNode, merged: string) {
  await run("Merging in the graph", async () => {
    const had = graph.hasNode(merged), hadSurvivor = graph.hasNode(survivor.id);
    if (!had && !hadSurvivor) return;
    const at = had ? { x: graph.getNodeAttribute(merged, "x"), y: graph.getNodeAttribute(merged, "y") } : undefined;
    if (had) graph.dropNode(merged);
    if (!hadSurvivor) addNode(survivor, null, 0, 1, at);
    dropPlainEdges(survivor.id);
    const swap = (xs: string[]) => [...new Set(xs.map((x) => (x === merged ? survivor.id : x)))];
    state.seeds = swap(state.seeds);
    state.expanded = swap(state.expanded);
    if (state.sel === merged) state.sel = survivor.id;
    const onPath = state.pathA === merged || state.pathB === merged;
    if (state.pathA === merged) state.pathA = survivor.id;
    if (state.pathB === merged) state.pathB = survivor.id;
    const added = await reread([survivor.id]);
    refreshAfterChange();
    await layout(added);
    if (onPath) await computePath();
    if (state.sel === survivor.id) await renderDetails();
  });
}

// afterSplit: the nodes that came back are placed around the survivor, and the edges of
// each are read again (all of their neighbours when the survivor was expanded).
async function afterSplit(survivor: GNode, back: GNode[]) {
  await run("Splitting in the graph", async () => {
    if (!graph.hasNode(survivor.id)) addNode(survivor);
    const wasExpanded = state.expanded.includes(survivor.id);
    const added: string[] = [];
    back.forEach((n, i) => {
      if (graph.hasNode(n.id)) dropPlainEdges(n.id);
      else if (addNode(n, survivor.id, i, Math.max(back.length, 3))) added.push(n.id);
      if (wasExpanded && !state.expanded.includes(n.id)) state.expanded.push(n.id);
    });
    dropPlainEdges(survivor.id);
    added.push(...await reread([survivor.id, ...back.map((n) => n.id)]));
    refreshAfterChange();
    await layout(added);
    if (state.sel === survivor.id) await renderDetails();
  });
}

function removeNode(id: string) {
  graph.dropNode(id);
  state.seeds = state.seeds.filter((x) => x !== id);
  state.expanded = state.expanded.filter((x) => x !== id);
  if (state.pathA === id || state.pathB === id) { state.pathA = state.pathA === id ? null : state.pathA; state.pathB = state.pathB === id ? null : state.pathB; path = null; renderPathEnds(); $("path-steps").innerHTML = ""; }
  resize();
  state.sel = null;
  refreshAfterChange();
  renderDetails();
}

// ---------------------------------------------------------------- path panel

function pill(id: string | null) {
  if (!id) return `—`;
  const a = graph.hasNode(id) ? graph.getNodeAttributes(id) : null;
  return `<i style="background:${colorOf(a?.kind ?? "")}"></i>${esc(a?.name ?? id)}`;
}
function renderPathEnds() {
  const pa = $("path-a"), pb = $("path-b");
  pa.innerHTML = pill(state.pathA); pa.classList.toggle("empty", !state.pathA);
  pb.innerHTML = pill(state.pathB); pb.classList.toggle("empty", !state.pathB);
}
function renderPathSteps(nodes: GNode[], edges: GEdge[]) {
  const items: string[] = [];
  nodes.forEach((n, i) => {
    items.push(`<li class="step"><a href="#" data-node="${esc(n.id)}"><i style="background:${colorOf(n.kind)}"></i>${esc(n.name)}</a></li>`);
    const e = edges[i];
    if (e) items.push(`<li class="via">${e.from.id === n.id ? "↓" : "↑"} ${esc(edgeLabel(e))}</li>`);
  });
  $("path-steps").innerHTML = `<li class="len">${edges.length} hop${edges.length === 1 ? "" : "s"}</li>` + items.join("");
}
$("path-steps").addEventListener("click", (ev) => {
  const a = (ev.target as HTMLElement).closest("[data-node]") as HTMLElement | null;
  if (a) { ev.preventDefault(); select(a.dataset.node!); }
});
$("btn-path-clear").addEventListener("click", () => { state.pathA = state.pathB = null; computePath(); });

// ---------------------------------------------------------------- filters and timeline

function renderFilters() {
  const nk = $("node-kinds");
  nk.innerHTML = NODE_KINDS.map((k) => `<label class="kind"><input type="checkbox" data-nk="${k.kind}" ${state.hiddenNodeKinds.has(k.kind) ? "" : "checked"}/><i style="background:${k.color}"></i>${k.label}<span class="count" data-count="${k.kind}"></span></label>`).join("");
  const ek = $("edge-kinds");
  ek.innerHTML = EDGE_KINDS.map((k) => `<label class="kind"><input type="checkbox" data-ek="${k.kind}" ${state.hiddenEdgeKinds.has(k.kind) ? "" : "checked"}/><span class="line"></span>${k.label}<span class="count" data-ecount="${k.kind}"></span></label>`).join("");
  ($("date-from") as HTMLInputElement).value = state.from;
  ($("date-to") as HTMLInputElement).value = state.to;
  renderCounts();
}
function renderCounts() {
  const nc = new Map<string, number>(), ec = new Map<string, number>();
  graph.forEachNode((_, a) => nc.set(a.kind, (nc.get(a.kind) ?? 0) + 1));
  graph.forEachEdge((_, a) => ec.set(a.kind, (ec.get(a.kind) ?? 0) + 1));
  document.querySelectorAll<HTMLElement>("[data-count]").forEach((el) => {
    const n = nc.get(el.dataset.count!) ?? 0; el.textContent = n ? String(n) : "";
    el.parentElement!.classList.toggle("absent", !n);
  });
  document.querySelectorAll<HTMLElement>("[data-ecount]").forEach((el) => {
    const n = ec.get(el.dataset.ecount!) ?? 0; el.textContent = n ? String(n) : "";
    el.parentElement!.classList.toggle("absent", !n);
  });
}
$("filters").addEventListener("change", (ev) => {
  const t = ev.target as HTMLInputElement;
  if (t.dataset.nk) toggle(state.hiddenNodeKinds, t.dataset.nk, !t.checked);
  if (t.dataset.ek) toggle(state.hiddenEdgeKinds, t.dataset.ek, !t.checked);
  if (t.id === "date-from" || t.id === "date-to") {
    const v = validDate(t.value);
    t.classList.toggle("invalid", t.value.trim() !== "" && !v);
    if (t.id === "date-from") state.from = v; else state.to = v;
  }
  renderer.refresh({ skipIndexation: true });
  pushUrl(); summary();
});
function toggle(s: Set<string>, k: string, on: boolean) { if (on) s.add(k); else s.delete(k); }

let timelineDates: string[] = [];
function renderTimeline() {
  renderCounts();
  const ds = new Set<string>();
  graph.forEachNode((_, a) => { if (a.date) ds.add(a.date); });
  graph.forEachEdge((_, a) => { if (a.date) ds.add(a.date); });
  timelineDates = [...ds].sort();
  const slider = $("timeline-slider") as HTMLInputElement;
  slider.max = String(timelineDates.length);
  const i = state.until ? timelineDates.findIndex((d) => d >= state.until) : -1;
  slider.value = String(i < 0 ? timelineDates.length : i);
  $("timeline").classList.toggle("empty", timelineDates.length === 0);
  const ticks = $("timeline-ticks");
  const n = timelineDates.length;
  ticks.innerHTML = timelineDates.map((d, k) => `<span style="left:${n ? (k / n) * 100 : 0}%" title="${esc(d)}"></span>`).join("");
  timelineLabel();
}
function timelineLabel() {
  $("timeline-value").textContent = state.until ? `up to ${state.until}` : `all dates${timelineDates.length ? ` (${timelineDates[0]} – ${timelineDates[timelineDates.length - 1]})` : ""}`;
}
$("timeline-slider").addEventListener("input", (ev) => {
  const i = Number((ev.target as HTMLInputElement).value);
  state.until = i >= timelineDates.length ? "" : timelineDates[i];
  timelineLabel();
  renderer.refresh({ skipIndexation: true });
  pushUrl(); summary();
});
let playing: number | null = null;
$("btn-play").addEventListener("click", () => {
  const slider = $("timeline-slider") as HTMLInputElement;
  if (playing !== null) { clearInterval(playing); playing = null; $("btn-play").textContent = "▶"; return; }
  if (!timelineDates.length) return;
  let i = 0;
  $("btn-play").textContent = "■";
  const step = () => {
    slider.value = String(i);
    slider.dispatchEvent(new Event("input"));
    if (i++ >= timelineDates.length) { clearInterval(playing!); playing = null; $("btn-play").textContent = "▶"; }
  };
  step();
  playing = window.setInterval(step, 800);
});

// ---------------------------------------------------------------- search

const input = $("search") as HTMLInputElement;
const results = $("search-results") as HTMLUListElement;
let searchSeq = 0, searchTimer = 0, hits: api.Hit[] = [], active = -1;

input.addEventListener("input", () => {
  clearTimeout(searchTimer);
  searchTimer = window.setTimeout(doSearch, 180);
});
input.addEventListener("keydown", (ev) => {
  if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
    ev.preventDefault();
    if (!hits.length) return;
    active = (active + (ev.key === "ArrowDown" ? 1 : -1) + hits.length) % hits.length;
    renderHits();
  } else if (ev.key === "Enter") {
    ev.preventDefault();
    const h = hits[active >= 0 ? active : 0];
    if (h) pick(h);
    else doSearch();
  } else if (ev.key === "Escape") {
    results.hidden = true;
  }
});
document.addEventListener("click", (ev) => { if (!(ev.target as HTMLElement).closest("#search-box")) results.hidden = true; });
input.addEventListener("focus", () => { if (hits.length) results.hidden = false; });

async function doSearch() {
  const text = input.value.trim();
  const seq = ++searchSeq;
  if (!text) { hits = []; results.hidden = true; return; }
  try {
    const h = await api.search(text);
    if (seq !== searchSeq) return;
    hits = h; active = h.length ? 0 : -1;
    renderHits();
  } catch (e) {
    status(`Search failed: ${(e as Error).message}`, true);
  }
}
function renderHits() {
  results.hidden = false;
  if (!hits.length) { results.innerHTML = `<li class="none">Nothing found for “${esc(input.value)}”</li>`; return; }
  const q = input.value.trim().toLowerCase();
  results.innerHTML = hits.map((h, i) => {
    const alias = h.node.aliases.find((a) => a.toLowerCase().includes(q) && a !== h.node.name);
    const extra = [h.node.startDate, h.node.place].filter(Boolean).join(", ");
    return `<li role="option" data-i="${i}" class="${i === active ? "active" : ""}">
      <i style="background:${colorOf(h.node.kind)}"></i><span class="name">${esc(h.node.name)}</span>
      ${alias ? `<span class="alias">${esc(alias)}</span>` : ""}${extra ? `<span class="alias">${esc(extra)}</span>` : ""}
      <span class="kind">${esc(kindLabel(h.node.kind))}</span></li>`;
  }).join("");
}
results.addEventListener("mousedown", (ev) => {
  const li = (ev.target as HTMLElement).closest("[data-i]") as HTMLElement | null;
  if (li) { ev.preventDefault(); pick(hits[Number(li.dataset.i)]); }
});
async function pick(h: api.Hit) {
  results.hidden = true;
  input.blur();
  await addSeed(h.node);
}

// ---------------------------------------------------------------- canvas events

renderer.on("clickNode", async ({ node, event }) => {
  const original = event.original as MouseEvent;
  if (original.shiftKey && state.sel && state.sel !== node) {
    state.pathA = state.sel; state.pathB = node;
    await computePath();
    await select(node);
    return;
  }
  await select(node);
  if (!state.expanded.includes(node)) { await expand(node); await renderDetails(); }
});
renderer.on("clickEdge", ({ edge }) => renderEdgeDetails(edge));
// Thin edges are hard to hit exactly: a click near one (within 6 px) opens it too.
function edgeNear(x: number, y: number, tolerance = 6): string | null {
  let best: string | null = null, bestD = tolerance;
  graph.forEachEdge((e, a, s, t, sa, ta) => {
    if (!edgeVisible(e, a)) return;
    const p = renderer.graphToViewport(sa), q = renderer.graphToViewport(ta);
    const dx = q.x - p.x, dy = q.y - p.y, len2 = dx * dx + dy * dy;
    const k = len2 ? Math.max(0, Math.min(1, ((x - p.x) * dx + (y - p.y) * dy) / len2)) : 0;
    const d = Math.hypot(x - (p.x + k * dx), y - (p.y + k * dy));
    if (d < bestD) { bestD = d; best = e; }
  });
  return best;
}
renderer.on("clickStage", ({ event }) => {
  const e = edgeNear(event.x, event.y);
  if (e) { renderEdgeDetails(e); return; }
  if (state.sel) select(null);
});
renderer.on("enterNode", ({ node }) => { hovered = node; container.style.cursor = "pointer"; renderer.refresh({ skipIndexation: true }); });
renderer.on("leaveNode", () => { hovered = null; container.style.cursor = ""; renderer.refresh({ skipIndexation: true }); });
renderer.on("enterEdge", () => { container.style.cursor = "pointer"; });
renderer.on("leaveEdge", () => { container.style.cursor = ""; });

// ---------------------------------------------------------------- toolbar

$("btn-all").addEventListener("click", () => loadAll());
$("btn-layout").addEventListener("click", () => run("Layout", () => layout([], true)));
$("btn-fit").addEventListener("click", () => fitView(300));
$("btn-clear").addEventListener("click", clearAll);
$("btn-png").addEventListener("click", () =>
  downloadAsPNG(renderer as unknown as Sigma, { fileName: fileStem(), backgroundColor: "#ffffff" }).catch((e) => status(`PNG failed: ${e.message}`, true)));
$("btn-graphml").addEventListener("click", () => {
  const xml = toGraphML(graph, (id, a) => nodeVisible(id, a), (id, a) => edgeVisible(id, a));
  download(new Blob([xml], { type: "application/graphml+xml" }), fileStem() + ".graphml");
});
$("btn-link").addEventListener("click", async () => {
  try { await navigator.clipboard.writeText(location.href); status("Link copied"); }
  catch { prompt("Link to this view", location.href); }
});

function fileStem() {
  const around = state.sel ?? state.seeds[0] ?? "view";
  return "entente-" + around.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-|-$/g, "");
}
function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// For tests and the console: the graph, the renderer and the view state.
declare global { interface Window { entente: unknown } }
window.entente = {
  graph, renderer, get state() { return state; }, get path() { return path; },
  viewportOf: (id: string) => {
    const a = graph.getNodeAttributes(id);
    const p = renderer.graphToViewport({ x: a.x, y: a.y });
    const r = container.getBoundingClientRect();
    return { x: p.x + r.left, y: p.y + r.top };
  },
  isIdle: () => busy === 0,
  get workbench() { return workbench!.snapshot; },
  proposedEdges: () => graph.filterEdges((_, a) => !!a.proposed),
  proposedNodes: () => graph.filterNodes((_, a) => !!a.proposed),
  fit: () => fitView(0),
  // a synthetic graph of n nodes and about 2n edges through the same path as real data:
  // merge, the whole-graph layout, a render; resolves to the milliseconds each took
  bench: async (n: number) => {
    const kinds = NODE_KINDS.map((k) => k.kind), ek = EDGE_KINDS.map((k) => k.kind);
    const nodes: GNode[] = [], edges: GEdge[] = [];
    for (let i = 0; i < n; i++) nodes.push({ id: `bench:${i}`, kind: kinds[i % kinds.length], name: `Node ${i}` });
    for (let i = 1; i < n; i++) {
      for (const j of [Math.floor(hash(`a${i}`) * i), Math.floor(hash(`b${i}`) * hash(`c${i}`) * i)]) {
        edges.push({ id: `bench:${i}-${j}`, kind: ek[(i + j) % ek.length], from: { id: `bench:${i}` }, to: { id: `bench:${j}` } });
      }
    }
    const t0 = performance.now();
    const added = merge({ nodes, edges, truncated: false }, null);
    const t1 = performance.now();
    await layout(added, true, false);
    const t2 = performance.now();
    refreshAfterChange();
    fitView(0);
    renderer.refresh();
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t3 = performance.now();
    return { nodes: graph.order, edges: graph.size, merge: Math.round(t1 - t0), layout: Math.round(t2 - t1), render: Math.round(t3 - t2) };
  },
};

// ---------------------------------------------------------------- documents and review

// showProposed draws the PROPOSED edges of the open document dashed, with their ends (a
// proposed end paler), replacing those drawn before; [] removes them.
async function showProposed(edges: api.ReviewEdge[]) {
  const keep = new Set(edges.map((e) => e.id));
  const dropped: string[] = [];
  graph.forEachEdge((id, a) => { if (a.proposed && !keep.has(id)) dropped.push(id); });
  for (const id of dropped) graph.dropEdge(id);
  dropOrphans();
  proposedShown = edges;
  const added: string[] = [];
  // new ends go on a ring around the other end, each at its own angle (nodes placed at one
  // point would stay together: ForceAtlas2 cannot push apart what has no distance)
  const around = new Map<string, number>();
  const degree = new Map<string, number>();
  for (const e of edges) for (const id of [e.from.id, e.to.id]) degree.set(id, (degree.get(id) ?? 0) + 1);
  for (const e of edges) {
    for (const [n, other] of [[e.from, e.to], [e.to, e.from]] as const) {
      const near = graph.hasNode(other.id) ? other.id : null;
      const k = near ? around.get(near) ?? 0 : 0;
      if (addNode({ id: n.id, kind: n.kind, name: n.name }, near, k, Math.max(6, degree.get(other.id) ?? 1))) {
        if (near) around.set(near, k + 1);
        added.push(n.id);
        if (n.status === "PROPOSED") graph.setNodeAttribute(n.id, "proposed", true);
      }
    }
    if (addEdge({ ...e, from: { id: e.from.id }, to: { id: e.to.id } })) {
      graph.mergeEdgeAttributes(e.id, { proposed: true, confidence: e.confidence });
    }
  }
  resize();
  refreshAfterChange();
  if (added.length) { await layout(added, true); fitIfNeeded(true); }
}

// dropOrphans removes proposed nodes left with no edge (their proposed edges were rejected
// or the document was closed).
function dropOrphans() {
  const orphans = graph.filterNodes((id, a) => !!a.proposed && graph.degree(id) === 0);
  for (const id of orphans) {
    graph.dropNode(id);
    if (state.sel === id) { state.sel = null; renderDetails(); }
  }
}

workbench = new Workbench({
  focusNode: async (n) => {
    if (n.status === "PROPOSED") {
      if (addNode({ id: n.id, kind: n.kind, name: n.name })) {
        graph.setNodeAttribute(n.id, "proposed", true);
        resize(); refreshAfterChange();
      }
      await select(n.id);
      return;
    }
    if (!graph.hasNode(n.id)) { await addSeed({ id: n.id, kind: n.kind, name: n.name }); return; }
    await select(n.id);
    if (!state.expanded.includes(n.id)) { await expand(n.id); await renderDetails(); }
  },
  showProposed,
  reviewed: (accepted, rejected) => {
    for (const e of accepted) {
      if (graph.hasEdge(e.id)) graph.mergeEdgeAttributes(e.id, { proposed: false, confidence: e.confidence });
      for (const n of [e.from.id, e.to.id]) if (graph.hasNode(n)) graph.setNodeAttribute(n, "proposed", false);
    }
    for (const id of rejected) if (graph.hasEdge(id)) graph.dropEdge(id);
    const done = new Set([...accepted.map((e) => e.id), ...rejected]);
    proposedShown = proposedShown.filter((e) => !done.has(e.id));
    dropOrphans();
    resize();
    refreshAfterChange();
    if (state.sel) void renderDetails();
  },
  focusEdge: (id) => {
    focusedEdge = id && graph.hasEdge(id) ? id : null;
    renderer.refresh({ skipIndexation: true });
  },
  merged: afterMerge,
  changed: (pane, doc) => {
    state.pane = pane; state.doc = doc;
    pushUrl();
  },
});

renderFilters();
renderPathEnds();
summary();
restore();
