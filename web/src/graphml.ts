import type { AbstractGraph, Attributes } from "graphology-types";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

// toGraphML writes the visible part of the view as GraphML (the same keys as the server export
// where they overlap: label, kind, date, role), with positions so Gephi/yEd open it as seen.
export function toGraphML<N extends Attributes, E extends Attributes>(
  g: AbstractGraph<N, E>, keepNode: (id: string, a: N) => boolean, keepEdge: (id: string, a: E) => boolean,
): string {
  const out: string[] = [];
  out.push(`<?xml version="1.0" encoding="UTF-8"?>`);
  out.push(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`);
  const nodeKeys = ["label", "kind", "date", "place", "country"];
  for (const k of nodeKeys) out.push(`  <key id="n_${k}" for="node" attr.name="${k}" attr.type="string"/>`);
  out.push(`  <key id="n_x" for="node" attr.name="x" attr.type="double"/>`, `  <key id="n_y" for="node" attr.name="y" attr.type="double"/>`);
  const edgeKeys = ["kind", "role", "date", "title", "place"];
  for (const k of edgeKeys) out.push(`  <key id="e_${k}" for="edge" attr.name="${k}" attr.type="string"/>`);
  out.push(`  <graph id="entente" edgedefault="directed">`);
  const kept = new Set<string>();
  g.forEachNode((id, a) => {
    if (!keepNode(id, a)) return;
    kept.add(id);
    const data = [...nodeKeys.map((k) => [k, k === "label" ? a.name : a[k]]), ["x", a.x], ["y", a.y]]
      .filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `<data key="n_${k}">${esc(v)}</data>`).join("");
    out.push(`    <node id="${esc(id)}">${data}</node>`);
  });
  g.forEachEdge((id, a, s, t) => {
    if (!kept.has(s) || !kept.has(t) || !keepEdge(id, a)) return;
    const data = edgeKeys.map((k) => [k, a[k]]).filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `<data key="e_${k}">${esc(v)}</data>`).join("");
    out.push(`    <edge id="${esc(id)}" source="${esc(s)}" target="${esc(t)}">${data}</edge>`);
  });
  out.push(`  </graph>`, `</graphml>`, ``);
  return out.join("\n");
}
