import type { AbstractGraph, Attributes } from "graphology-types";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);

// xmlName writes an id as the server's GraphML export does (export.GraphMLID): unchanged when
// it is an XML name token, else with each character that may not be in one, and "_x", written
// _xHHHH_ (.NET's XmlConvert.EncodeNmToken), so that edge ids such as
// "PARTICIPATED_IN|person:a|meeting:b" stay the API's ids, read back by reversing the escapes.
const nameChar = /^[-.:_A-Za-z0-9\u00B7\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u037D\u037F-\u1FFF\u200C\u200D\u203F\u2040\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\u{10000}-\u{EFFFF}]$/u;
export function xmlName(id: string): string {
  if (id === "") return "_x_";
  let out = "";
  const chars = [...id];
  chars.forEach((c, i) => {
    const escape = !nameChar.test(c) || (c === "_" && chars[i + 1] === "x");
    const cp = c.codePointAt(0)!;
    out += escape ? `_x${cp.toString(16).toUpperCase().padStart(cp > 0xffff ? 8 : 4, "0")}_` : c;
  });
  return out;
}

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
    out.push(`    <node id="${esc(xmlName(id))}">${data}</node>`);
  });
  g.forEachEdge((id, a, s, t) => {
    if (!kept.has(s) || !kept.has(t) || !keepEdge(id, a)) return;
    const data = edgeKeys.map((k) => [k, a[k]]).filter(([, v]) => v !== null && v !== undefined && v !== "")
      .map(([k, v]) => `<data key="e_${k}">${esc(v)}</data>`).join("");
    out.push(`    <edge id="${esc(xmlName(id))}" source="${esc(xmlName(s))}" target="${esc(xmlName(t))}">${data}</edge>`);
  });
  out.push(`  </graph>`, `</graphml>`, ``);
  return out.join("\n");
}
