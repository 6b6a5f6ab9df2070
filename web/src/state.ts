// The view state that goes into the URL: enough to rebuild the same view in another browser.

export interface ViewState {
  all: boolean; // the whole graph was loaded
  seeds: string[]; // nodes added from the search box, in order
  expanded: string[]; // nodes whose neighbours were loaded, in order
  sel: string | null; // the selected node
  pathA: string | null;
  pathB: string | null;
  hiddenNodeKinds: Set<string>;
  hiddenEdgeKinds: Set<string>;
  from: string; // date range, ISO 8601 (possibly partial); "" is open
  to: string;
  until: string; // timeline slider position; "" shows all dates
  pane: "docs" | "review" | "dups" | null; // the Documents view, the Review panel or the Duplicates panel, when open
  doc: string | null; // the document open in the Documents view
}

export function emptyState(): ViewState {
  return {
    all: false, seeds: [], expanded: [], sel: null, pathA: null, pathB: null,
    hiddenNodeKinds: new Set(), hiddenEdgeKinds: new Set(), from: "", to: "", until: "",
    pane: null, doc: null,
  };
}

export function toQuery(s: ViewState): string {
  const p = new URLSearchParams();
  if (s.all) p.set("all", "1");
  for (const id of s.seeds) p.append("n", id);
  for (const id of s.expanded) p.append("x", id);
  if (s.sel) p.set("sel", s.sel);
  if (s.pathA) p.set("pa", s.pathA);
  if (s.pathB) p.set("pb", s.pathB);
  if (s.hiddenNodeKinds.size) p.set("hk", [...s.hiddenNodeKinds].join(","));
  if (s.hiddenEdgeKinds.size) p.set("he", [...s.hiddenEdgeKinds].join(","));
  if (s.from) p.set("from", s.from);
  if (s.to) p.set("to", s.to);
  if (s.until) p.set("until", s.until);
  if (s.pane) p.set("pane", s.pane);
  if (s.doc) p.set("doc", s.doc);
  const q = p.toString();
  return q ? "?" + q : "";
}

export function fromQuery(search: string): ViewState {
  const p = new URLSearchParams(search);
  const s = emptyState();
  const list = (k: string) => new Set((p.get(k) ?? "").split(",").map((x) => x.trim()).filter(Boolean));
  s.all = p.get("all") === "1";
  s.seeds = unique(p.getAll("n"));
  s.expanded = unique(p.getAll("x"));
  s.sel = p.get("sel") || null;
  s.pathA = p.get("pa") || null;
  s.pathB = p.get("pb") || null;
  s.hiddenNodeKinds = list("hk");
  s.hiddenEdgeKinds = list("he");
  s.from = validDate(p.get("from"));
  s.to = validDate(p.get("to"));
  s.until = validDate(p.get("until"));
  const pane = p.get("pane");
  s.pane = pane === "docs" || pane === "review" || pane === "dups" ? pane : null;
  s.doc = p.get("doc") || null;
  return s;
}

const unique = (xs: string[]) => [...new Set(xs.filter(Boolean))];

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
export function validDate(s: string | null | undefined): string {
  s = (s ?? "").trim();
  return DATE.test(s) ? s : "";
}

// inRange compares a possibly partial date by prefix: 2022-03 is within [2022-03-15, ...].
export function inRange(date: string | null | undefined, from: string, to: string): boolean {
  if (!date) return true;
  if (from && date < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to) return false;
  return true;
}
