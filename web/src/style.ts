import type { EdgeKind, NodeKind } from "./api";

// Colours by node kind (the legend), readable on white and distinct for the common kinds.
export const NODE_KINDS: { kind: NodeKind; label: string; color: string }[] = [
  { kind: "STATE", label: "State", color: "#1f4e9c" },
  { kind: "AGENCY", label: "Agency", color: "#4ea1e8" },
  { kind: "UN_BODY", label: "UN body", color: "#0aa3a3" },
  { kind: "ORGANIZATION", label: "Organisation", color: "#2f9e44" },
  { kind: "PERSON", label: "Person", color: "#f08c00" },
  { kind: "MEETING", label: "Meeting", color: "#d62839" },
  { kind: "PROJECT", label: "Project", color: "#8e44ad" },
  { kind: "ROADMAP", label: "Roadmap", color: "#9c6b3f" },
  { kind: "DOCUMENT", label: "Document", color: "#868e96" },
];

export const EDGE_KINDS: { kind: EdgeKind; label: string }[] = [
  { kind: "PARTICIPATED_IN", label: "participated in" },
  { kind: "MEMORANDUM", label: "memorandum" },
  { kind: "FUNDED", label: "funded" },
  { kind: "IMPLEMENTS", label: "implements" },
  { kind: "PARTY_TO", label: "party to" },
  { kind: "PART_OF", label: "part of" },
  { kind: "MEMBER_OF", label: "member of" },
  { kind: "AFFILIATED_WITH", label: "affiliated with" },
  { kind: "HELD_UNDER", label: "held under" },
  { kind: "ADOPTED_AT", label: "adopted at" },
];

const nodeColor = new Map(NODE_KINDS.map((k) => [k.kind as string, k.color]));
const nodeLabel = new Map(NODE_KINDS.map((k) => [k.kind as string, k.label]));
const edgeLabel = new Map(EDGE_KINDS.map((k) => [k.kind as string, k.label]));

export const colorOf = (kind: string) => nodeColor.get(kind) ?? "#555";
export const kindLabel = (kind: string) => nodeLabel.get(kind) ?? kind;
export const roleLabel = (role: string) => role.toLowerCase(); // SPEAKER: speaker
export const edgeKindLabel = (kind: string) => edgeLabel.get(kind) ?? kind.toLowerCase().replace(/_/g, " ");

export const EDGE_COLOR = "#b8bec6";
export const DIM_NODE = "#e4e7eb";
export const DIM_EDGE = "#f0f1f3";
export const PATH_COLOR = "#e8590c";
// Proposed facts (waiting for review): edges drawn dashed in this colour, nodes paler.
export const PROPOSED_COLOR = "#7048e8";
export const FOCUS_COLOR = "#5f3dc4";

// paler mixes a #rrggbb colour with white (t = 0: the colour, 1: white).
export function paler(hex: string, t: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const v = parseInt(m[1], 16);
  const mix = (c: number) => Math.round(c + (255 - c) * t).toString(16).padStart(2, "0");
  return `#${mix(v >> 16)}${mix((v >> 8) & 255)}${mix(v & 255)}`;
}
