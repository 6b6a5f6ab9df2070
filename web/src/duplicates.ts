// The Duplicates panel of the workbench: the pairs of nodes that may be the same
// (duplicateCandidates, best first), side by side with what tells them apart (kind, country,
// aliases, the documents they were read in), their score and the reasons in words; the
// analyst says Same (b is merged into a: splitNode undoes it), Not the same (remembered: the
// pair is never suggested again) or Skip, by mouse or keyboard, with the editor key of the tab.
import * as api from "./api";
import type { DupNode, DuplicateCandidate, GNode, MentionNode } from "./api";
import { apiKey, howToGetAKey, keyRefusal, setApiKey } from "./apikey";
import { esc } from "./html";
import { colorOf, kindLabel } from "./style";

export interface DupHooks {
  // select the node in the graph, adding it when it is not there
  focusNode(n: MentionNode): Promise<void>;
  // the graph after a merge: merged is gone, its edges are the survivor's
  merged(survivor: GNode, merged: string): Promise<void>;
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const pct = (c: number) => `${Math.round(c * 100)}%`;
// the kinds that have a country (actors and meetings)
const COUNTRY_KINDS = new Set(["STATE", "AGENCY", "UN_BODY", "ORGANIZATION", "MEETING"]);
const pairKey = (c: DuplicateCandidate) => `${c.a.id}|${c.b.id}`;

type Verdict = "same" | "different" | "skip";

export class Duplicates {
  private pairs: DuplicateCandidate[] = [];
  private skipped: string[] = []; // pairs skipped in this tab, in the order skipped: shown last
  private active = 0;
  private busy = false;
  private loaded = false;
  private loading = false;
  private message: { text: string; error: boolean } | null = null;
  private seq = 0;

  constructor(private hooks: DupHooks, private shown: () => boolean) {
    const view = $("dups-view");
    view.addEventListener("click", (ev) => this.onClick(ev));
    view.addEventListener("submit", (ev) => {
      ev.preventDefault();
      const input = $("dup-api-key") as HTMLInputElement;
      const k = input.value.trim();
      if (!k) { this.say("Paste an editor key first.", true); return; }
      setApiKey(k);
      this.message = null;
      this.render();
    });
    document.addEventListener("keydown", (ev) => this.onKey(ev));
  }

  // load reads the candidates again (a judgement or any curation changes them); skipped
  // pairs go last.
  async load() {
    const seq = ++this.seq;
    this.loading = true;
    try {
      const got = await api.duplicateCandidates(100);
      if (seq !== this.seq) return;
      // the pair active now (the analyst may have moved or skipped meanwhile) stays active
      const activeKey = this.pairs[this.active] ? pairKey(this.pairs[this.active]) : null;
      const rank = new Map(this.skipped.map((k, i) => [k, i]));
      const fresh = got.filter((c) => !rank.has(pairKey(c)));
      const later = got.filter((c) => rank.has(pairKey(c))).sort((x, y) => rank.get(pairKey(x))! - rank.get(pairKey(y))!);
      this.pairs = [...fresh, ...later];
      const i = activeKey ? this.pairs.findIndex((c) => pairKey(c) === activeKey) : -1;
      this.active = i >= 0 ? i : Math.min(this.active, Math.max(0, this.pairs.length - 1));
      this.loaded = true;
    } catch (e) {
      if (seq !== this.seq) return;
      this.message = { text: `The duplicate candidates failed to load: ${(e as Error).message}`, error: true };
    }
    this.loading = false;
    this.render();
  }

  private say(text: string, error = false) {
    this.message = { text, error };
    const el = document.getElementById("dups-msg");
    if (el) { el.textContent = text; el.className = error ? "error-msg" : "hint"; el.hidden = false; }
  }

  private side(n: DupNode, which: "a" | "b"): string {
    // the documents it was read in, each once, then its reference data
    const docs = new Map<string, { title: string; lang: string | null }>();
    const refs = new Set<string>();
    for (const s of n.sources) {
      if (s.document) { if (!docs.has(s.document.id)) docs.set(s.document.id, { title: s.document.title || s.document.id, lang: s.document.language }); }
      else if (s.reference) refs.add(s.reference);
    }
    const items = [...docs].map(([id, d]) => `<li class="src-doc" title="${esc(id)}">${esc(d.title)}${d.lang ? ` <span class="lang">${esc(d.lang)}</span>` : ""}</li>`);
    for (const r of refs) items.push(`<li class="src-ref">reference data: ${esc(r)}</li>`);
    const shown = items.slice(0, 4).join("") + (items.length > 4 ? `<li class="hint">and ${items.length - 4} more</li>` : "");
    const when = [n.startDate && n.endDate && n.endDate !== n.startDate ? `${n.startDate} – ${n.endDate}` : n.startDate, n.place]
      .filter(Boolean).map((x) => esc(x)).join(", ");
    const hasCountry = COUNTRY_KINDS.has(n.kind);
    return `<div class="dup-node" data-side="${which}">
      <a href="#" class="dup-name" data-node="${esc(n.id)}" title="Show it in the graph">${esc(n.name)}</a>
      <div class="dup-meta"><span class="badge" style="--c:${colorOf(n.kind)}">${esc(kindLabel(n.kind))}</span>
        ${hasCountry ? `<span class="dup-country">${n.country ? esc(n.country) : `<span class="hint">no country</span>`}</span>` : ""}</div>
      ${when ? `<div class="dup-when">${when}</div>` : ""}
      <code>${esc(n.id)}</code>
      ${n.aliases.length ? `<div class="dup-aliases">also ${n.aliases.slice(0, 4).map((x) => `“${esc(x)}”`).join(", ")}${n.aliases.length > 4 ? ` and ${n.aliases.length - 4} more` : ""}</div>` : ""}
      <div class="dup-src-h">Sources</div>
      <ul class="dup-sources">${shown || `<li class="hint">none</li>`}</ul>
    </div>`;
  }

  render() {
    $("tab-dups-n").textContent = this.loaded && this.pairs.length ? String(this.pairs.length) : "";
    if (!this.shown()) return;
    const key = apiKey();
    $("dups-view").innerHTML = `
      <form id="dup-key-bar" class="key-bar${key ? " has-key" : ""}">
        ${key
          ? `<span>Editor key set for this tab.</span> <button type="button" data-act="forget">Forget key</button>`
          : `<label for="dup-api-key">Editor key</label><input id="dup-api-key" type="password" autocomplete="off" placeholder="ent_…" /><button type="submit">Use key</button>`}
      </form>
      <p id="dups-msg" class="${this.message?.error ? "error-msg" : "hint"}" ${this.message ? "" : "hidden"}>${esc(this.message?.text ?? "")}</p>
      <div class="review-head">
        <div><strong id="dups-left">${this.pairs.length}</strong> pair${this.pairs.length === 1 ? "" : "s"} that may be the same</div>
        <p class="hint">Most likely first. <em>Same</em> merges the right one into the left one (Split on its panel undoes it); <em>Not the same</em> is remembered and the pair is not suggested again.
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>s</kbd> same · <kbd>n</kbd> not the same · <kbd>x</kbd> skip.</p>
      </div>
      ${this.pairs.length ? `<ol id="dups-list">${this.pairs.map((c, i) => `
        <li class="dup-item${i === this.active ? " active" : ""}${this.skipped.includes(pairKey(c)) ? " skipped" : ""}" data-i="${i}" data-a="${esc(c.a.id)}" data-b="${esc(c.b.id)}">
          <div class="dup-why"><span class="conf" title="score">${pct(c.score)}</span>
            <ul class="reasons">${c.reasons.map((r) => `<li>${esc(r)}</li>`).join("")}</ul></div>
          <div class="dup-pair">${this.side(c.a, "a")}<div class="dup-vs" aria-hidden="true">≟</div>${this.side(c.b, "b")}</div>
          <div class="buttons">
            <button data-act="same" ${this.busy ? "disabled" : ""}>Same <kbd>s</kbd></button>
            <button data-act="different" ${this.busy ? "disabled" : ""}>Not the same <kbd>n</kbd></button>
            <button data-act="skip" ${this.busy ? "disabled" : ""}>Skip <kbd>x</kbd></button>
          </div>
        </li>`).join("")}</ol>`
        : `<p class="hint empty-queue">${this.loaded ? "No pairs left to judge." : "Loading…"}</p>`}`;
    document.querySelector("#dups-list li.active")?.scrollIntoView({ block: "nearest" });
  }

  private async onClick(ev: MouseEvent) {
    const t = ev.target as HTMLElement;
    const act = (t.closest("[data-act]") as HTMLElement | null)?.dataset.act;
    if (act === "forget") { setApiKey(null); this.message = null; this.render(); return; }
    const li = t.closest("li.dup-item") as HTMLElement | null;
    if (!li) return;
    this.move(Number(li.dataset.i) - this.active);
    const name = t.closest("a[data-node]") as HTMLElement | null;
    if (name) {
      ev.preventDefault();
      const c = this.pairs[this.active];
      const n = c && (c.a.id === name.dataset.node ? c.a : c.b);
      if (n) await this.hooks.focusNode({ id: n.id, kind: n.kind, name: n.name, status: "ACCEPTED" });
      return;
    }
    if (act === "same" || act === "different" || act === "skip") await this.decide(act);
  }

  private move(by: number) {
    if (!this.pairs.length) return;
    this.active = Math.max(0, Math.min(this.pairs.length - 1, this.active + by));
    document.querySelectorAll("#dups-list li.dup-item").forEach((li, i) => li.classList.toggle("active", i === this.active));
    document.querySelector("#dups-list li.active")?.scrollIntoView({ block: "nearest" });
  }

  // decide judges the active pair with the key of this tab, or skips it (to the end of the list).
  private async decide(what: Verdict) {
    const c = this.pairs[this.active];
    if (!c || this.busy) return;
    if (what === "skip") {
      const k = pairKey(c);
      this.skipped = [...this.skipped.filter((x) => x !== k), k];
      this.pairs.splice(this.active, 1);
      this.pairs.push(c);
      if (this.active >= this.pairs.length - 1) this.active = 0;
      this.message = null;
      this.render();
      return;
    }
    const key = apiKey();
    if (!key) {
      this.say(`Judgements need an editor key: paste one above (${howToGetAKey}).`, true);
      (document.getElementById("dup-api-key") as HTMLInputElement | null)?.focus();
      return;
    }
    this.busy = true;
    this.render();
    try {
      const survivor = await api.judge(key, c.a.id, c.b.id, what === "same");
      this.busy = false;
      this.loading = true; // read again below: a merge changes the other candidates
      this.pairs = this.pairs.filter((x) => pairKey(x) !== pairKey(c));
      // a merged node is in no pair any more
      if (what === "same") this.pairs = this.pairs.filter((x) => x.a.id !== c.b.id && x.b.id !== c.b.id);
      this.active = Math.min(this.active, Math.max(0, this.pairs.length - 1));
      this.message = {
        text: what === "same"
          ? `Merged “${c.b.name}” into “${c.a.name}”. Split on its panel undoes it.`
          : `Noted: “${c.a.name}” and “${c.b.name}” are not the same; the pair will not be suggested again.`,
        error: false,
      };
      this.render();
      if (what === "same") await this.hooks.merged(survivor ?? c.a, c.b.id);
      await this.load();
    } catch (err) {
      this.busy = false;
      const x = err as api.ApiError;
      this.say(keyRefusal(x, "judgements") ?? `The judgement failed${x.code ? ` (${x.code})` : ""}: ${x.message}`, true);
      this.render();
    }
  }

  private onKey(ev: KeyboardEvent) {
    if (!this.shown() || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target as HTMLElement;
    if (t.closest("input, textarea, select, [contenteditable]")) return;
    switch (ev.key) {
      case "j": case "ArrowDown": ev.preventDefault(); this.move(1); break;
      case "k": case "ArrowUp": ev.preventDefault(); this.move(-1); break;
      case "s": ev.preventDefault(); void this.decide("same"); break;
      case "n": ev.preventDefault(); void this.decide("different"); break;
      case "x": ev.preventDefault(); void this.decide("skip"); break;
    }
  }

  // what the tests read
  get snapshot() {
    return { pairs: this.pairs.map(pairKey), active: this.active, busy: this.busy, loading: this.loading, loaded: this.loaded, skipped: [...this.skipped] };
  }
}
