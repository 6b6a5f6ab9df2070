// The analyst's workbench beside the graph: the Documents view (the list, and one document's
// text with every mention highlighted in its node kind's colour) and the Review panel (the
// review queue, least sure first, with the quoted evidence; accept and reject by mouse or
// keyboard). The graph side (selecting a node, drawing proposed edges dashed) is main.ts's,
// through GraphHooks.
import * as api from "./api";
import type { Mention, MentionNode, ReviewEdge } from "./api";
import { apiKey, setApiKey } from "./apikey";
import { Duplicates, type DupHooks } from "./duplicates";
import { esc } from "./html";
import { colorOf, edgeKindLabel, kindLabel, roleLabel } from "./style";

export type Pane = "docs" | "review" | "dups";

export interface GraphHooks extends DupHooks {
  // select the node in the graph, adding it when it is not there
  focusNode(n: MentionNode): Promise<void>;
  // draw the proposed edges of the open document (dashed), replacing those drawn before
  showProposed(edges: ReviewEdge[]): Promise<void>;
  // the graph after a review: accepted edges become plain, rejected ones go
  reviewed(accepted: ReviewEdge[], rejected: string[]): void;
  // emphasise the edge under review (null: none)
  focusEdge(id: string | null): void;
  // the pane and the open document changed (for the URL)
  changed(pane: Pane | null, doc: string | null): void;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

// segments cuts text (code points) at every mention's ends; each segment carries the
// innermost mention covering it (the shortest), or -1. A sweep over the mentions by start:
// the mentions covering a point are few (names nest a level or two), so a long document
// with thousands of mentions is cut in one pass.
function segments(cps: string[], ms: Mention[]): { from: number; to: number; m: number }[] {
  const ok = ms.map((m, k) => k).filter((k) => ms[k].start >= 0 && ms[k].start < ms[k].end && ms[k].end <= cps.length);
  ok.sort((a, b) => ms[a].start - ms[b].start);
  const cuts = new Set<number>([0, cps.length]);
  for (const k of ok) { cuts.add(ms[k].start); cuts.add(ms[k].end); }
  const at = [...cuts].sort((a, b) => a - b);
  const out: { from: number; to: number; m: number }[] = [];
  let next = 0, active: number[] = [];
  for (let i = 0; i + 1 < at.length; i++) {
    const from = at[i], to = at[i + 1];
    while (next < ok.length && ms[ok[next]].start <= from) active.push(ok[next++]);
    active = active.filter((k) => ms[k].end > from);
    let best = -1;
    for (const k of active) if (best < 0 || ms[k].end - ms[k].start < ms[best].end - ms[best].start) best = k;
    out.push({ from, to, m: best });
  }
  return out;
}

const pct = (c: number) => `${Math.round(c * 100)}%`;

export class Workbench {
  pane: Pane | null = null;
  doc: api.OpenDocument | null = null;
  private filter = "";
  private page: api.DocPage | null = null;
  private queue: ReviewEdge[] = [];
  private left = 0;
  private active = 0;
  private busy = false;
  private message: { text: string; error: boolean } | null = null;
  private selectedNode: string | null = null;
  private docSeq = 0;
  readonly dups: Duplicates;

  constructor(private hooks: GraphHooks) {
    this.dups = new Duplicates(hooks, () => this.pane === "dups");
    $("btn-docs").addEventListener("click", () => this.open(this.pane === "docs" ? null : "docs"));
    $("btn-review").addEventListener("click", () => this.open(this.pane === "review" ? null : "review"));
    $("btn-dups").addEventListener("click", () => this.open(this.pane === "dups" ? null : "dups"));
    $("work-close").addEventListener("click", () => this.open(null));
    document.querySelectorAll<HTMLElement>("#work [data-tab]").forEach((b) =>
      b.addEventListener("click", () => this.open(b.dataset.tab as Pane)));
    $("docs-view").addEventListener("click", (ev) => this.onDocsClick(ev));
    $("docs-view").addEventListener("input", (ev) => {
      const t = ev.target as HTMLInputElement;
      if (t.id !== "doc-filter") return;
      this.filter = t.value;
      window.clearTimeout(this.filterTimer);
      this.filterTimer = window.setTimeout(() => this.loadList(false), 250);
    });
    $("review-view").addEventListener("click", (ev) => this.onReviewClick(ev));
    $("review-view").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const input = $("api-key") as HTMLInputElement;
      const k = input.value.trim();
      if (!k) { this.say("Paste an editor key first.", true); return; }
      setApiKey(k);
      this.message = null;
      this.renderReview();
    });
    document.addEventListener("keydown", (ev) => this.onKey(ev));
    // what waits for review in all documents, on the Review button from the start
    api.reviewCount(null).then((n) => { if (!this.doc && this.pane !== "review") { this.left = n; this.renderReview(); } }, () => {});
  }
  private filterTimer = 0;

  // open shows the pane (null closes it); docId, when given, opens that document.
  async open(pane: Pane | null, docId?: string | null) {
    this.pane = pane;
    document.body.classList.toggle("work-open", pane !== null);
    $("work").hidden = pane === null;
    $("docs-view").hidden = pane !== "docs";
    $("review-view").hidden = pane !== "review";
    $("dups-view").hidden = pane !== "dups";
    document.querySelectorAll<HTMLElement>("#work [data-tab]").forEach((b) => b.setAttribute("aria-selected", String(b.dataset.tab === pane)));
    $("btn-docs").setAttribute("aria-pressed", String(pane === "docs"));
    $("btn-review").setAttribute("aria-pressed", String(pane === "review"));
    $("btn-dups").setAttribute("aria-pressed", String(pane === "dups"));
    window.dispatchEvent(new Event("resize")); // the canvas got narrower or wider
    if (docId !== undefined && docId !== (this.doc?.id ?? null)) await this.openDoc(docId);
    if (pane === "docs" && !this.doc && !this.page) await this.loadList(false);
    if (pane === "docs") this.renderDocs();
    if (pane === "review") await this.loadQueue();
    if (pane === "dups") await this.dups.load();
    this.hooks.changed(this.pane, this.doc?.id ?? null); // the pane now: another open may have come meanwhile
  }

  // ------------------------------------------------------------ documents

  async loadList(more: boolean) {
    const el = $("docs-view");
    try {
      const p = await api.documents(this.filter, more && this.page ? this.page.endCursor : null);
      this.page = more && this.page ? { ...p, docs: [...this.page.docs, ...p.docs] } : p;
    } catch (e) {
      el.innerHTML = `<p class="error-msg">Documents failed: ${esc((e as Error).message)}</p>`;
      return;
    }
    if (!this.doc) this.renderDocs();
  }

  async openDoc(id: string | null) {
    const seq = ++this.docSeq;
    this.selectedNode = null;
    if (!id) {
      this.doc = null;
      await this.hooks.showProposed([]);
      if (!this.page) await this.loadList(false);
      this.renderDocs();
      this.hooks.changed(this.pane, null);
      return;
    }
    $("docs-view").innerHTML = `<p class="hint">Loading the document…</p>`;
    let d: api.OpenDocument | null;
    let queue: { edges: ReviewEdge[]; left: number };
    try {
      [d, queue] = await Promise.all([api.openDocument(id), api.reviewQueue(id, 100)]);
    } catch (e) {
      if (seq === this.docSeq) $("docs-view").innerHTML = `<p class="error-msg">The document failed to load: ${esc((e as Error).message)}</p>`;
      return;
    }
    if (seq !== this.docSeq) return;
    if (!d) {
      $("docs-view").innerHTML = `<p class="error-msg">No document ${esc(id)}.</p><button class="link" data-act="back">← Documents</button>`;
      return;
    }
    this.doc = d;
    this.queue = queue.edges; this.left = queue.left; this.active = 0;
    this.renderDocs();
    this.renderReview();
    this.hooks.changed(this.pane, d.id);
    await this.hooks.showProposed(queue.edges);
  }

  private docMeta(d: api.DocSummary): string {
    const c = d.counts;
    const bits = [d.language ? `<span class="lang">${esc(d.language)}</span>` : "", d.published ? esc(d.published) : "undated",
      `${c.nodes} node${c.nodes === 1 ? "" : "s"}`];
    if (c.proposedNodes) bits.push(`${c.proposedNodes} proposed`);
    if (c.proposedEdges) bits.push(`<span class="to-review">${c.proposedEdges} to review</span>`);
    return bits.filter(Boolean).join(" · ");
  }

  renderDocs() {
    const el = $("docs-view");
    if (this.doc) { this.renderDoc(el, this.doc); return; }
    const p = this.page;
    const focused = document.activeElement?.id === "doc-filter";
    el.innerHTML = `
      <input id="doc-filter" type="search" placeholder="Filter by title (it · fr · en)…" value="${esc(this.filter)}" aria-label="Filter documents" />
      <p class="hint">${p ? `${p.totalCount} document${p.totalCount === 1 ? "" : "s"}, newest first` : "Loading…"}</p>
      <ul id="doc-list">${(p?.docs ?? []).map((d) => `
        <li><a href="#" data-doc="${esc(d.id)}"><span class="doc-name">${esc(d.title || d.name)}</span>
          <span class="doc-meta">${this.docMeta(d)}</span></a></li>`).join("")}</ul>
      ${p?.hasNext ? `<button data-act="more">More documents</button>` : ""}`;
    if (focused) { const f = $("doc-filter") as HTMLInputElement; f.focus(); f.setSelectionRange(f.value.length, f.value.length); }
  }

  private renderDoc(el: HTMLElement, d: api.OpenDocument) {
    const kinds = [...new Set(d.mentionSpans.map((m) => m.node.kind))];
    const legend = kinds.map((k) => `<span class="chip" style="--c:${colorOf(k)}"><i style="background:${colorOf(k)}"></i>${esc(kindLabel(k))}</span>`).join("");
    let body: string;
    if (d.text !== null) {
      const cps = Array.from(d.text);
      body = `<div id="doc-text" class="doc-text">${segments(cps, d.mentionSpans).map((s) => {
        const text = esc(cps.slice(s.from, s.to).join(""));
        if (s.m < 0) return text;
        const m = d.mentionSpans[s.m];
        const proposed = m.node.status === "PROPOSED";
        return `<mark class="mention${proposed ? " proposed" : ""}${m.node.id === this.selectedNode ? " selected" : ""}" data-m="${s.m}" data-node="${esc(m.node.id)}" data-kind="${m.node.kind}" style="--c:${colorOf(m.node.kind)}" title="${esc(kindLabel(m.node.kind))}: ${esc(m.node.name)}${proposed ? " (proposed, waiting for review)" : ""}">${text}</mark>`;
      }).join("")}</div>`;
    } else {
      // documents loaded from fixtures do not carry their text: their spans still say what they name
      const seen = new Set<string>();
      body = `<p class="hint">This document was loaded from a fixture, without its text. What it names:</p>
        <div class="doc-text">${d.mentionSpans.filter((m) => !seen.has(m.node.id + "|" + m.text) && !!seen.add(m.node.id + "|" + m.text)).map((m) =>
          `<mark class="mention${m.node.status === "PROPOSED" ? " proposed" : ""}" data-m="${d.mentionSpans.indexOf(m)}" data-node="${esc(m.node.id)}" data-kind="${m.node.kind}" style="--c:${colorOf(m.node.kind)}" title="${esc(kindLabel(m.node.kind))}: ${esc(m.node.name)}">${esc(m.text)}</mark>`).join(" ")}</div>`;
    }
    el.innerHTML = `
      <button class="link" data-act="back">← Documents</button>
      <h2 class="doc-title-big">${esc(d.title || d.name)}</h2>
      <div class="doc-meta">${this.docMeta(d)}${d.url ? ` · <a href="${esc(d.url)}" target="_blank" rel="noopener noreferrer">source</a>` : ""}</div>
      <div class="legend">${legend}${d.mentionSpans.some((m) => m.node.status === "PROPOSED") ? `<span class="chip proposed-key">proposed</span>` : ""}</div>
      ${d.counts.proposedEdges ? `<p class="hint">${d.counts.proposedEdges} fact${d.counts.proposedEdges === 1 ? "" : "s"} of this document wait for review: drawn dashed in the graph. <button class="link" data-act="review">Review them</button></p>` : ""}
      <p class="hint">${d.mentionSpans.length} mention${d.mentionSpans.length === 1 ? "" : "s"}; click one to select its node in the graph.</p>
      ${body}`;
  }

  private async onDocsClick(ev: MouseEvent) {
    const t = ev.target as HTMLElement;
    const doc = t.closest("[data-doc]") as HTMLElement | null;
    if (doc) { ev.preventDefault(); await this.openDoc(doc.dataset.doc!); return; }
    const mark = t.closest("mark[data-m]") as HTMLElement | null;
    if (mark && this.doc) {
      const m = this.doc.mentionSpans[Number(mark.dataset.m)];
      this.selectedNode = m.node.id;
      document.querySelectorAll("#docs-view mark.selected").forEach((x) => x.classList.remove("selected"));
      document.querySelectorAll<HTMLElement>("#docs-view mark[data-node]").forEach((x) => { if (x.dataset.node === m.node.id) x.classList.add("selected"); });
      await this.hooks.focusNode(m.node);
      return;
    }
    const act = (t.closest("[data-act]") as HTMLElement | null)?.dataset.act;
    if (act === "back") { ev.preventDefault(); await this.openDoc(null); }
    if (act === "more") await this.loadList(true);
    if (act === "review") await this.open("review");
  }

  // the node selected in the graph, so that its mentions stand out
  nodeSelected(id: string | null) {
    this.selectedNode = id;
    document.querySelectorAll<HTMLElement>("#docs-view mark[data-node]").forEach((x) => x.classList.toggle("selected", x.dataset.node === id));
  }

  // ------------------------------------------------------------ review

  async loadQueue() {
    try {
      const q = await api.reviewQueue(this.doc?.id ?? null, this.doc ? 100 : 30);
      this.queue = q.edges; this.left = q.left;
      this.active = Math.min(this.active, Math.max(0, this.queue.length - 1));
    } catch (e) {
      this.say(`The review queue failed to load: ${(e as Error).message}`, true);
    }
    this.renderReview();
    this.hooks.focusEdge(this.queue[this.active]?.id ?? null);
  }

  private say(text: string, error = false) {
    this.message = { text, error };
    const el = document.getElementById("review-msg");
    if (el) { el.textContent = text; el.className = error ? "error-msg" : "hint"; el.hidden = false; }
  }

  renderReview() {
    $("review-count").textContent = this.left ? String(this.left) : "";
    $("tab-review-n").textContent = this.left ? String(this.left) : "";
    if (this.pane !== "review") return;
    const key = apiKey();
    const evidence = (e: ReviewEdge) => {
      const srcs = (e.sources ?? []).filter((s) => s.text && (!this.doc || s.document?.id === this.doc.id));
      const shown = srcs.length ? srcs : (e.sources ?? []).filter((s) => s.text);
      return shown.slice(0, 3).map((s) => `<blockquote>“${this.quote(s, [e.from.id, e.to.id])}”${!this.doc && s.document ? `<span class="from-doc">${esc(s.document.title || s.document.id)}</span>` : ""}</blockquote>`).join("")
        || `<p class="hint">No quoted evidence.</p>`;
    };
    const end = (n: MentionNode) => `<span class="end"><i style="background:${colorOf(n.kind)}"></i>${esc(n.name)}${n.status === "PROPOSED" ? ` <span class="tag">proposed</span>` : ""}</span>`;
    $("review-view").innerHTML = `
      <form id="key-bar" class="key-bar${key ? " has-key" : ""}">
        ${key
          ? `<span>Editor key set for this tab.</span> <button type="button" data-act="forget">Forget key</button>`
          : `<label for="api-key">Editor key</label><input id="api-key" type="password" autocomplete="off" placeholder="ent_…" /><button type="submit">Use key</button>`}
      </form>
      <p id="review-msg" class="${this.message?.error ? "error-msg" : "hint"}" ${this.message ? "" : "hidden"}>${esc(this.message?.text ?? "")}</p>
      <div class="review-head">
        <div><strong id="review-left">${this.left}</strong> left to review ${this.doc ? `in <em>${esc(this.doc.title || this.doc.name)}</em>` : "in all documents"}</div>
        <p class="hint">Least sure first. Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>a</kbd> accept · <kbd>r</kbd> reject.</p>
      </div>
      ${this.queue.length ? `<ol id="review-list">${this.queue.map((e, i) => `
        <li class="review-item${i === this.active ? " active" : ""}" data-i="${i}" data-edge="${esc(e.id)}">
          <div class="fact"><span class="conf" title="confidence">${pct(e.confidence)}</span>
            ${end(e.from)} <span class="ek">${esc(edgeKindLabel(e.kind))}${e.role ? ` (${esc(roleLabel(e.role))})` : ""} →</span> ${end(e.to)}</div>
          ${evidence(e)}
          <div class="buttons"><button data-act="accept" ${this.busy ? "disabled" : ""}>Accept <kbd>a</kbd></button><button data-act="reject" ${this.busy ? "disabled" : ""}>Reject <kbd>r</kbd></button></div>
        </li>`).join("")}</ol>`
        : `<p class="hint empty-queue">${this.left ? "Loading…" : "Nothing waits for review" + (this.doc ? " in this document." : ".")}</p>`}`;
    document.querySelector("#review-list li.active")?.scrollIntoView({ block: "nearest" });
  }

  // quote is a source's text, with the mentions of the given nodes inside it highlighted
  // when the source is a span of the open document (whose mention spans are known).
  private quote(s: api.Source, ids: string[]): string {
    const text = s.text ?? "";
    const d = this.doc;
    if (!d || s.document?.id !== d.id || s.start === null || s.end === null) return esc(text);
    const from = s.start, cps = Array.from(text);
    const inside = d.mentionSpans.filter((m) => ids.includes(m.node.id) && m.start >= from && m.end <= from + cps.length);
    if (!inside.length) return esc(text);
    const shifted = inside.map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
    return segments(cps, shifted).map((g) => {
      const t = esc(cps.slice(g.from, g.to).join(""));
      if (g.m < 0) return t;
      const n = shifted[g.m].node;
      return `<mark class="mention${n.status === "PROPOSED" ? " proposed" : ""}" style="--c:${colorOf(n.kind)}">${t}</mark>`;
    }).join("");
  }

  private async onReviewClick(ev: MouseEvent) {
    const t = ev.target as HTMLElement;
    const act = (t.closest("[data-act]") as HTMLElement | null)?.dataset.act;
    if (act === "forget") { setApiKey(null); this.message = null; this.renderReview(); return; }
    const li = t.closest("li.review-item") as HTMLElement | null;
    if (!li) return;
    this.move(Number(li.dataset.i) - this.active);
    if (act === "accept" || act === "reject") await this.decide(act);
  }

  private move(by: number) {
    if (!this.queue.length) return;
    this.active = Math.max(0, Math.min(this.queue.length - 1, this.active + by));
    document.querySelectorAll("#review-list li.review-item").forEach((li, i) => li.classList.toggle("active", i === this.active));
    document.querySelector("#review-list li.active")?.scrollIntoView({ block: "nearest" });
    this.hooks.focusEdge(this.queue[this.active]?.id ?? null);
  }

  // decide accepts or rejects the active edge with the key of this tab.
  private async decide(what: "accept" | "reject") {
    const e = this.queue[this.active];
    if (!e || this.busy) return;
    const key = apiKey();
    if (!key) {
      this.say("Reviews need an editor key: paste one above (an admin makes one with `entente keys new --role editor`).", true);
      (document.getElementById("api-key") as HTMLInputElement | null)?.focus();
      return;
    }
    this.busy = true;
    try {
      const done = await api.review(key, what === "accept" ? [e.id] : [], what === "reject" ? [e.id] : []);
      this.message = null;
      this.queue.splice(this.active, 1);
      this.left = Math.max(0, this.left - 1);
      if (this.doc) {
        this.doc.counts.proposedEdges = Math.max(0, this.doc.counts.proposedEdges - 1);
        if (what === "accept") {
          // its proposed ends are accepted with it
          const ends = new Set([e.from.id, e.to.id]);
          const turned = new Set<string>();
          for (const m of this.doc.mentionSpans) {
            if (ends.has(m.node.id) && m.node.status === "PROPOSED") { m.node.status = "ACCEPTED"; turned.add(m.node.id); }
          }
          this.doc.counts.proposedNodes = Math.max(0, this.doc.counts.proposedNodes - turned.size);
          this.doc.counts.nodes += turned.size;
        }
      }
      this.page = null; // the list's counts changed
      this.hooks.reviewed(what === "accept" ? done : [], what === "reject" ? [e.id] : []);
      this.active = Math.min(this.active, Math.max(0, this.queue.length - 1));
      this.busy = false;
      if (!this.queue.length && this.left) await this.loadQueue();
      this.renderReview();
      this.hooks.focusEdge(this.queue[this.active]?.id ?? null);
    } catch (err) {
      this.busy = false;
      const x = err as api.ApiError;
      if (x.status === 401 || x.code === "UNAUTHENTICATED") {
        this.say(`The server does not know this key (${x.code ?? x.status}): forget it and paste an editor key. The server says: “${x.message}”`, true);
      } else if (x.status === 403 || x.code === "FORBIDDEN") {
        this.say(`This key may only read (${x.code ?? x.status}): reviews need an editor key. The server says: “${x.message}”`, true);
      } else {
        this.say(`The review failed${x.code ? ` (${x.code})` : ""}: ${x.message}`, true);
      }
      this.renderReview();
    }
  }

  private onKey(ev: KeyboardEvent) {
    if (this.pane !== "review" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target as HTMLElement;
    if (t.closest("input, textarea, select, [contenteditable]")) return;
    switch (ev.key) {
      case "j": case "ArrowDown": ev.preventDefault(); this.move(1); break;
      case "k": case "ArrowUp": ev.preventDefault(); this.move(-1); break;
      case "a": ev.preventDefault(); void this.decide("accept"); break;
      case "r": ev.preventDefault(); void this.decide("reject"); break;
    }
  }

  // what the tests read
  get snapshot() {
    return { pane: this.pane, doc: this.doc?.id ?? null, left: this.left, queue: this.queue.map((e) => e.id), active: this.active, busy: this.busy,
      dups: this.dups.snapshot };
  }
}
