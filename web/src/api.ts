// The GraphQL calls the page makes. Everything goes to graphql and export/ relative to the
// page, so the page works wherever `entente serve` mounts it (same origin, no CORS).

export type NodeKind =
  | "STATE" | "AGENCY" | "UN_BODY" | "ORGANIZATION" | "PERSON" | "PROJECT" | "ROADMAP" | "MEETING" | "DOCUMENT";
export type EdgeKind =
  | "MEMORANDUM" | "PARTICIPATED_IN" | "FUNDED" | "IMPLEMENTS" | "PARTY_TO" | "PART_OF" | "MEMBER_OF"
  | "AFFILIATED_WITH" | "HELD_UNDER" | "ADOPTED_AT";
export type EdgeRole =
  | "ORGANISER" | "HOST" | "CHAIR" | "SPEAKER" | "PARTICIPANT" | "IMPLEMENTER" | "LEAD" | "PARTNER";

export interface Source {
  text: string | null;
  start: number | null;
  end: number | null;
  reference: string | null;
  document: { id: string; title: string | null; language: string | null } | null;
}

export interface GNode {
  id: string;
  kind: NodeKind;
  name: string;
  startDate?: string | null;
  endDate?: string | null;
  place?: string | null;
  country?: string | null;
  published?: string | null;
}

export interface GEdge {
  id: string;
  kind: EdgeKind;
  from: { id: string };
  to: { id: string };
  role?: EdgeRole | null;
  date?: string | null;
  title?: string | null;
  place?: string | null;
  amount?: number | null;
  currency?: string | null;
  sources?: Source[];
}

export interface Subgraph { nodes: GNode[]; edges: GEdge[]; truncated: boolean }
export interface Path { length: number; nodes: GNode[]; edges: GEdge[] }

export interface Details extends GNode {
  aliases: string[];
  sources: Source[];
  subtype?: string | null;
  title?: string | null;
  description?: string | null;
  language?: string | null;
  file?: string | null;
  state?: { id: string; name: string } | null;
}

const SOURCE = `text start end reference document { id title language }`;
const NODE = `fragment N on Node {
  id kind name
  ... on Actor { country }
  ... on Meeting { startDate endDate place country }
  ... on Roadmap { startDate endDate }
  ... on Document { published }
}`;
// Edges come without their sources (the server's complexity limit would cut a neighbourhood to
// a few dozen nodes); edgeSources fetches them when an edge is opened.
const EDGE = `fragment E on Edge { id kind from { id } to { id } role date title place amount currency }`;

// ApiError is a failed request: the HTTP status and the first error's extensions.code
// (UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, ...) when the server gave them.
export class ApiError extends Error {
  constructor(message: string, readonly status = 0, readonly code: string | null = null) { super(message); }
}

// gql posts one operation; key, when given, is sent as Authorization: Bearer (reviews need
// an editor key; reads are open on loopback).
export async function gql<T>(operationName: string, query: string, variables: Record<string, unknown> = {}, key?: string | null): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json" };
  if (key) headers.Authorization = `Bearer ${key}`;
  try {
    res = await fetch("graphql", { method: "POST", headers, body: JSON.stringify({ operationName, query, variables }) });
  } catch (e) {
    throw new ApiError(`the server did not answer (${(e as Error).message})`);
  }
  let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`the server answered ${res.status} ${res.statusText}`, res.status);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join("; "), res.status, body.errors[0].extensions?.code ?? null);
  }
  if (!res.ok || !body.data) throw new ApiError(`the server answered ${res.status}`, res.status);
  return body.data;
}

export interface Hit { score: number; node: GNode & { aliases: string[] } }

export async function search(text: string): Promise<Hit[]> {
  const d = await gql<{ search: Hit[] }>("Search",
    `query Search($text: String!) { search(text: $text, first: 15) { score node { ...N aliases } } } ${NODE}`, { text });
  return d.search;
}

export async function neighbourhood(id: string, limit = 200): Promise<Subgraph> {
  const d = await gql<{ neighbourhood: Subgraph }>("Neighbourhood",
    `query Neighbourhood($id: ID!, $limit: Int) {
      neighbourhood(id: $id, depth: 1, limit: $limit) { truncated nodes { ...N } edges { ...E } }
    } ${NODE} ${EDGE}`, { id, limit });
  return d.neighbourhood;
}

export async function node(id: string): Promise<GNode | null> {
  const d = await gql<{ node: GNode | null }>("Node", `query Node($id: ID!) { node(id: $id) { ...N } } ${NODE}`, { id });
  return d.node;
}

export async function shortestPath(from: string, to: string): Promise<Path | null> {
  const d = await gql<{ shortestPath: Path | null }>("ShortestPath",
    `query ShortestPath($from: ID!, $to: ID!) {
      shortestPath(from: $from, to: $to, maxHops: 8) { length nodes { ...N } edges { ...E sources { ${SOURCE} } } }
    } ${NODE} ${EDGE}`, { from, to });
  return d.shortestPath;
}

export async function details(id: string): Promise<Details | null> {
  const d = await gql<{ node: Details | null }>("Details",
    `query Details($id: ID!) {
      node(id: $id) {
        ...N aliases sources { ${SOURCE} }
        ... on Agency { state { id name } }
        ... on Person { title }
        ... on Meeting { subtype }
        ... on Roadmap { subtype }
        ... on Project { description }
        ... on Document { title language file }
      }
    } ${NODE}`, { id });
  return d.node;
}

// The whole graph, as the Cytoscape.js JSON of GET /export/cytoscape, which spells kinds and
// roles as the API's enums do.
interface CyData { id: string; kind: string; name?: string; source?: string; target?: string; [k: string]: unknown }
export async function wholeGraph(): Promise<Subgraph> {
  const res = await fetch("export/cytoscape");
  if (!res.ok) throw new ApiError(`export answered ${res.status}`);
  const body: { data: { truncated: boolean }; elements: { nodes: { data: CyData }[]; edges: { data: CyData }[] } } = await res.json();
  const nodes: GNode[] = body.elements.nodes.map(({ data }) => ({
    id: data.id, kind: data.kind as NodeKind, name: String(data.name ?? data.id),
    startDate: (data.startDate as string) ?? (data.published as string) ?? null, place: (data.place as string) ?? null,
    country: (data.country as string) ?? null,
  }));
  const edges: GEdge[] = body.elements.edges.map(({ data }) => ({
    id: data.id, kind: data.kind as EdgeKind, from: { id: data.source! }, to: { id: data.target! },
    role: (data.role as EdgeRole) ?? null, date: (data.date as string) ?? null, title: (data.title as string) ?? null,
    place: (data.place as string) ?? null,
    sources: ((data.sources as { document?: string; start?: number; end?: number; text?: string; reference?: string }[]) ?? [])
      .map((s) => ({ text: s.text ?? null, start: s.start ?? null, end: s.end ?? null, reference: s.reference ?? null,
        document: s.document ? { id: s.document, title: null, language: null } : null })),
  }));
  return { nodes, edges, truncated: body.data.truncated };
}

// edgeSources reads an edge's sources from the neighbourhood export of one of its ends, and the
// titles of their documents from the API.
const docCache = new Map<string, { id: string; title: string | null; language: string | null }>();
export async function edgeSources(edgeId: string, around: string): Promise<Source[]> {
  const res = await fetch(`export/cytoscape?around=${encodeURIComponent(around)}&depth=1&limit=1000`);
  if (!res.ok) throw new ApiError(`export answered ${res.status}`);
  const body: { elements: { edges: { data: CyData }[] } } = await res.json();
  const e = body.elements.edges.find((x) => x.data.id === edgeId);
  const raw = (e?.data.sources as { document?: string; start?: number; end?: number; text?: string; reference?: string }[]) ?? [];
  const missing = [...new Set(raw.map((s) => s.document).filter((d): d is string => !!d && !docCache.has(d)))];
  if (missing.length) {
    const fields = missing.map((d, i) => `d${i}: node(id: ${JSON.stringify(d)}) { id ... on Document { title language } }`).join("\n");
    const d = await gql<Record<string, { id: string; title: string | null; language: string | null } | null>>("Documents", `query Documents { ${fields} }`);
    missing.forEach((id, i) => docCache.set(id, d[`d${i}`] ?? { id, title: null, language: null }));
  }
  return raw.map((s) => ({ text: s.text ?? null, start: s.start ?? null, end: s.end ?? null, reference: s.reference ?? null,
    document: s.document ? docCache.get(s.document) ?? { id: s.document, title: null, language: null } : null }));
}

// ---------------------------------------------------------------- documents and review

export type FactStatus = "ACCEPTED" | "PROPOSED" | "REJECTED";

export interface DocCounts { nodes: number; proposedNodes: number; proposedEdges: number }
export interface DocSummary {
  id: string; title: string | null; name: string; language: string | null; published: string | null; counts: DocCounts;
}
export interface DocPage { totalCount: number; hasNext: boolean; endCursor: string | null; docs: DocSummary[] }

export async function documents(nameContains: string, after: string | null, first = 30): Promise<DocPage> {
  const filter = nameContains.trim() ? { nameContains: nameContains.trim() } : null;
  const d = await gql<{ documents: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: DocSummary }[] } }>(
    "Documents",
    `query Documents($filter: DocumentFilter, $after: String, $first: Int) {
      documents(filter: $filter, after: $after, first: $first, orderBy: {field: DATE, direction: DESC}) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { id name title language published counts { nodes proposedNodes proposedEdges } } }
      }
    }`, { filter, after, first });
  return { totalCount: d.documents.totalCount, hasNext: d.documents.pageInfo.hasNextPage, endCursor: d.documents.pageInfo.endCursor,
    docs: d.documents.edges.map((e) => e.node) };
}

export interface MentionNode { id: string; kind: NodeKind; name: string; status: FactStatus }
export interface Mention { start: number; end: number; text: string; node: MentionNode }
export interface OpenDocument extends DocSummary { url: string | null; text: string | null; mentionSpans: Mention[] }

export async function openDocument(id: string): Promise<OpenDocument | null> {
  const d = await gql<{ node: OpenDocument | null }>("OpenDocument",
    `query OpenDocument($id: ID!) {
      node(id: $id) { id name ... on Document { title language published url text
        counts { nodes proposedNodes proposedEdges }
        mentionSpans { start end text node { id kind name status } } } }
    }`, { id });
  return d.node && "mentionSpans" in d.node ? d.node : null;
}

// ReviewEdge is an edge of the review queue, with its ends (whatever their status), its
// confidence and its evidence.
export interface ReviewEdge extends GEdge {
  confidence: number; status: FactStatus; cursor: string;
  from: MentionNode; to: MentionNode;
}

const REVIEW_EDGE = `id kind role date title place amount currency confidence status cursor
  from { id kind name status } to { id kind name status } sources { ${SOURCE} }`;

export async function reviewQueue(document: string | null, first = 20, after: string | null = null): Promise<{ edges: ReviewEdge[]; left: number }> {
  const d = await gql<{ reviewQueue: ReviewEdge[]; reviewCount: number }>("ReviewQueue",
    `query ReviewQueue($document: ID, $first: Int, $after: String) {
      reviewQueue(document: $document, first: $first, after: $after) { ${REVIEW_EDGE} }
      reviewCount(document: $document)
    }`, { document, first, after });
  return { edges: d.reviewQueue, left: d.reviewCount };
}

export async function review(key: string | null, accept: string[], reject: string[]): Promise<ReviewEdge[]> {
  const d = await gql<{ review: ReviewEdge[] }>("Review",
    `mutation Review($accept: [ID!], $reject: [ID!]) { review(accept: $accept, reject: $reject) { ${REVIEW_EDGE} } }`,
    { accept, reject }, key);
  return d.review;
}

export async function reviewCount(document: string | null): Promise<number> {
  const d = await gql<{ reviewCount: number }>("ReviewCount", `query ReviewCount($document: ID) { reviewCount(document: $document) }`, { document });
  return d.reviewCount;
}

// ---------------------------------------------------------------- entity resolution

// DupNode is one side of a duplicate candidate, with what tells it apart: its aliases and
// the documents (or reference data) it was read in.
export interface DupNode extends GNode { aliases: string[]; sources: Source[] }
export interface DuplicateCandidate { a: DupNode; b: DupNode; score: number; reasons: string[] }

export async function duplicateCandidates(first = 100): Promise<DuplicateCandidate[]> {
  const side = `...N aliases sources { reference document { id title language } }`;
  const d = await gql<{ duplicateCandidates: DuplicateCandidate[] }>("DuplicateCandidates",
    `query DuplicateCandidates($first: Int) {
      duplicateCandidates(first: $first) { score reasons a { ${side} } b { ${side} } }
    } ${NODE}`, { first });
  return d.duplicateCandidates;
}

// judge gives the analyst's verdict on a pair (editor key): same merges b into a and returns a.
export async function judge(key: string | null, a: string, b: string, same: boolean): Promise<GNode | null> {
  const d = await gql<{ judge: GNode | null }>("Judge",
    `mutation Judge($a: ID!, $b: ID!, $same: Boolean!) { judge(a: $a, b: $b, same: $same) { ...N } } ${NODE}`, { a, b, same }, key);
  return d.judge;
}

// splitNode undoes the merges into a node (editor key): the node, then the nodes that came back.
export async function splitNode(key: string | null, id: string): Promise<GNode[]> {
  const d = await gql<{ splitNode: GNode[] }>("SplitNode",
    `mutation SplitNode($id: ID!) { splitNode(id: $id) { ...N } } ${NODE}`, { id }, key);
  return d.splitNode;
}

export interface Change { at: string; actor: string; action: string; subject: string; detail: Record<string, unknown> | null }

export async function history(id: string): Promise<Change[]> {
  const d = await gql<{ history: Change[] }>("History",
    `query History($id: ID!) { history(id: $id) { at actor action subject detail } }`, { id });
  return d.history;
}

// mergesToUndo says whether a node has merges that splitNode can undo: the newest merge into
// it (mergeNodes, or judge same, which records a merge) is newer than its newest split (a
// split undoes them all). History is newest first; records of the nodes merged into it that
// name another survivor are theirs, not its own.
export function mergesToUndo(id: string, changes: Change[]): boolean {
  for (const c of changes) {
    if (c.detail?.survivor !== id) continue;
    if (c.action === "mergeNodes") return true;
    if (c.action === "splitNode") return false;
  }
  return false;
}
