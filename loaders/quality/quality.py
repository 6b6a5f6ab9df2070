#!/usr/bin/env python3
"""Extraction quality of Entente's loaders: P/R/F1 per set, language and kind.

usage: quality.py [--entente BIN] [--figures FILE] [--check | --update] [--calibrate] [--worst N]

Runs `entente extract --out DIR` once per set and scores every document against its gold:

- sets with YAML gold (../shared/corpus) are scored by ../shared/tools/score_extraction.py, the
  scorer used on the kept-aside sets, imported here so that both agree by construction;
- sets with `.gold.tsv` gold (the seeds and testdata/loaders) are scored by id: a node is right
  when its id and kind are in the gold, an edge when its kind and ends are (MEMORANDUM undirected);
  an edge on an `O` line is optional, neither right nor wrong.

Figures per kind come from the same scorers on the gold and the fixture restricted to one kind.
With --check, it exits 1 when any figure is more than TOLERANCE below the committed one in
FILE (loaders/quality/figures.json), so quality only moves up; --update writes the figures.
Sets whose documents are missing (no ../shared) are skipped with a message.

Every fact read from the text carries a confidence: the measured precision of its evidence
class (loaders/extract/confidence.go). The report gives the precision per confidence band of
each set; --calibrate measures the precision of every evidence class on the corpus and the
blind sets but blind3, blind11 and blind13 (see CALIBRATION_SETS), and writes it to loaders/extract/data/confidence.tsv.
"""
import argparse
import glob
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

TOLERANCE = 0.02
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared"))
SCORER = os.path.join(SHARED, "tools", "score_extraction.py")
ORG_LIKE = {"UNBody", "Organization"}
CONFIDENCE_TSV = os.path.join(ROOT, "loaders/extract/data/confidence.tsv")
BANDS = [(0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
# The sets whose precision the confidences are: documents written by others (the corpus and
# the blind sets made from public pages), not our own texts, which were written next to the
# rules and would overstate it; and not blind3, blind11 and blind13, kept aside to measure whether
# the confidences hold on documents they were not drawn from.
CALIBRATION_SETS = {"corpus", "blind", "blind2", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10"}
MIN_JUDGED = 5  # a class judged fewer times backs off to a coarser one
# The sets kept aside to measure what holds on texts nobody tuned on: their figures and the
# causes of their errors are reported, never the errors themselves nor the documents' names.
KEPT_ASIDE = {"blind3", "blind11", "blind13"}

# name, documents folder, gold folder, gold format
SETS = [
    ("seeds", os.path.join(SHARED, "documents"), os.path.join(ROOT, "testdata/loaders/seeds"), "tsv"),
    ("corpus", os.path.join(SHARED, "corpus/docs"), os.path.join(SHARED, "corpus/gold"), "yaml"),
    ("own", os.path.join(ROOT, "testdata/loaders/own"), os.path.join(ROOT, "testdata/loaders/own"), "tsv"),
    ("holdout", os.path.join(ROOT, "testdata/loaders/holdout"), os.path.join(ROOT, "testdata/loaders/holdout"), "tsv"),
    ("unseen", os.path.join(ROOT, "testdata/loaders/unseen"), os.path.join(ROOT, "testdata/loaders/unseen"), "tsv"),
    ("styles", os.path.join(ROOT, "testdata/loaders/styles"), os.path.join(ROOT, "testdata/loaders/styles"), "yaml"),
    ("fresh", os.path.join(ROOT, "testdata/loaders/fresh"), os.path.join(ROOT, "testdata/loaders/fresh"), "yaml"),
    ("fresh2", os.path.join(ROOT, "testdata/loaders/fresh2"), os.path.join(ROOT, "testdata/loaders/fresh2"), "yaml"),
    ("blind", os.path.join(ROOT, "testdata/loaders/blind"), os.path.join(ROOT, "testdata/loaders/blind"), "yaml"),
    ("blind2", os.path.join(ROOT, "testdata/loaders/blind2"), os.path.join(ROOT, "testdata/loaders/blind2"), "yaml"),
    ("blind3", os.path.join(ROOT, "testdata/loaders/blind3"), os.path.join(ROOT, "testdata/loaders/blind3"), "yaml"),
    ("blind4", os.path.join(ROOT, "testdata/loaders/blind4"), os.path.join(ROOT, "testdata/loaders/blind4"), "yaml"),
    ("blind5", os.path.join(ROOT, "testdata/loaders/blind5"), os.path.join(ROOT, "testdata/loaders/blind5"), "yaml"),
    ("blind6", os.path.join(ROOT, "testdata/loaders/blind6"), os.path.join(ROOT, "testdata/loaders/blind6"), "yaml"),
    ("blind7", os.path.join(ROOT, "testdata/loaders/blind7"), os.path.join(ROOT, "testdata/loaders/blind7"), "yaml"),
    ("blind8", os.path.join(ROOT, "testdata/loaders/blind8"), os.path.join(ROOT, "testdata/loaders/blind8"), "yaml"),
    ("blind9", os.path.join(ROOT, "testdata/loaders/blind9"), os.path.join(ROOT, "testdata/loaders/blind9"), "yaml"),
    ("blind10", os.path.join(ROOT, "testdata/loaders/blind10"), os.path.join(ROOT, "testdata/loaders/blind10"), "yaml"),
    ("blind11", os.path.join(ROOT, "testdata/loaders/blind11"), os.path.join(ROOT, "testdata/loaders/blind11"), "yaml"),
    ("blind12", os.path.join(ROOT, "testdata/loaders/blind12"), os.path.join(ROOT, "testdata/loaders/blind12"), "yaml"),
    ("blind13", os.path.join(ROOT, "testdata/loaders/blind13"), os.path.join(ROOT, "testdata/loaders/blind13"), "yaml"),
    ("blind14", os.path.join(ROOT, "testdata/loaders/blind14"), os.path.join(ROOT, "testdata/loaders/blind14"), "yaml"),
]


def load_scorer():
    spec = importlib.util.spec_from_file_location("score_extraction", SCORER)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def kind_class(kind):
    """The class a kind is scored in: UNBody and Organization count as one."""
    return "Organization" if kind in ORG_LIKE else kind


class Counts:
    """True positives, false positives and false negatives."""

    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, tp, fp, fn):
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def prf(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def read_tsv_gold(path):
    """Nodes (id -> kind), required edges and optional edges ("O" lines: a reader may record
    them or not, as the corpus's optional_edges) of a .gold.tsv file."""
    nodes, edges, optional = {}, set(), set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            f = line.rstrip("\n").split("\t")
            if not f[0] or f[0].startswith("#"):
                continue
            if f[0] == "N" and len(f) == 3:
                nodes[f[1]] = f[2]
            elif f[0] in ("E", "O") and len(f) == 4:
                (edges if f[0] == "E" else optional).add(edge_key(f[1], f[2], f[3]))
            else:
                raise ValueError(f"{path}: bad line {line!r}")
    if edges & optional:
        raise ValueError(f"{path}: edges both required and optional: {sorted(edges & optional)}")
    return nodes, edges, optional


def edge_key(kind, a, b):
    if kind == "MEMORANDUM" and a > b:
        a, b = b, a
    return (kind, a, b)


def from_text(item):
    return any(not s.get("reference") for s in item.get("sources") or [])


def score_tsv(fx, gold, cls=None, ekind=None):
    """Id-based scores of one fixture, optionally restricted to a node class or an edge kind."""
    gnodes, gedges, optional = gold
    out = {"nodes": Counts(), "edges": Counts(), "missed": [], "spurious": []}
    if ekind is None:
        want = {(i, kind_class(k)) for i, k in gnodes.items() if cls is None or kind_class(k) == cls}
        got = {(n["id"], kind_class(n["kind"])) for n in fx["nodes"]
               if from_text(n) and (cls is None or kind_class(n["kind"]) == cls)}
        out["nodes"].add(len(want & got), len(got - want), len(want - got))
        out["missed"] += sorted("node %s %s" % n for n in want - got)
        out["spurious"] += sorted("node %s %s" % n for n in got - want)
    if cls is None:
        want = {e for e in gedges if ekind is None or e[0] == ekind}
        got = {edge_key(e["kind"], e["from"], e["to"]) for e in fx["edges"]
               if from_text(e) and (ekind is None or e["kind"] == ekind)}
        # As in the shared scorer, a reference PART_OF edge from a node the text names
        # ("la Polizia di Stato" -> Italy, from the gazetteer) completes a required hierarchy
        # but is never spurious.
        texted = {n["id"] for n in fx["nodes"] if from_text(n)}
        completes = {edge_key(e["kind"], e["from"], e["to"]) for e in fx["edges"]
                     if e["kind"] == "PART_OF" and not from_text(e) and e["from"] in texted
                     and (ekind is None or ekind == "PART_OF")} & want
        got |= completes
        got -= optional  # an optional edge is neither right nor wrong (read_tsv_gold keeps it out of want)
        out["edges"].add(len(want & got), len(got - want), len(want - got))
        out["missed"] += sorted("edge %s %s -> %s" % e for e in want - got)
        out["spurious"] += sorted("edge %s %s -> %s" % e for e in got - want)
    return out


def score_yaml(scorer, fx, gold, cls=None, ekind=None):
    """The shared scorer's figures of one fixture, optionally restricted to one kind."""
    out = {"nodes": Counts(), "edges": Counts(), "missed": [], "spurious": []}
    if ekind is None:
        g = dict(gold, nodes=[n for n in gold["nodes"] if cls is None or kind_class(n["kind"]) == cls])
        f = dict(fx, nodes=[n for n in fx["nodes"] if cls is None or kind_class(n["kind"]) == cls])
        s = scorer.score_doc(f, g)
        out["nodes"].add(s["n_tp"], s["n_fp"], s["n_fn"])
        out["missed"] += ["node " + str(n) for n in s["missed_nodes"]]
        out["spurious"] += ["node " + str(n) for n in s["spurious_nodes"]]
    if cls is None:
        keep = lambda es: [e for e in es if ekind is None or e[0] == ekind]  # noqa: E731
        g = dict(gold, edges=keep(gold.get("edges") or []), optional_edges=keep(gold.get("optional_edges") or []))
        f = dict(fx, edges=[e for e in fx["edges"] if ekind is None or e["kind"] == ekind])
        s = scorer.score_doc(f, g)
        out["edges"].add(s["e_tp"], s["e_fp"], s["e_fn"])
        out["missed"] += ["edge %s %s -> %s" % tuple(e) for e in s["missed_edges"]]
        out["spurious"] += ["edge %s %s -> %s" % tuple(e) for e in s["spurious_edges"]]
    return out


def edge_causes(scorer, fx, gold):
    """Why each edge of a YAML gold was missed and each spurious edge is wrong, by kind: a missed
    edge's ends were both found (only the relation was not read), or one or both were not; a
    spurious edge joins two gold nodes wrongly, or has an end the gold does not hold."""
    found = set()
    for p in fx["nodes"]:
        if not from_text(p):
            continue
        for g in gold["nodes"]:
            if scorer.node_match(p, g):
                found.add(g["key"])
                break
    s = scorer.score_doc(fx, gold)
    causes = {}
    for kind, a, b in s["missed_edges"]:
        cause = {(True, True): "missed, both ends found", (False, True): "missed, from-end missing",
                 (True, False): "missed, to-end missing", (False, False): "missed, both ends missing"}[(a in found, b in found)]
        causes[(kind, cause)] = causes.get((kind, cause), 0) + 1
    keys = {g["key"] for g in gold["nodes"]}
    for e in s["spurious_edges"]:
        cause = "spurious, both ends gold nodes" if e[1] in keys and e[2] in keys else "spurious, an end not a gold node"
        causes[(e[0], cause)] = causes.get((e[0], cause), 0) + 1
    return causes


def judge(fmt, scorer, fx, gold):
    """(what, evidence class, confidence, right) of every fact read from the text that the gold
    judges: right or wrong; facts matching optional gold items are not judged."""
    out = []
    for n in fx["nodes"]:
        ev = (n.get("properties") or {}).get("evidence")
        if not ev:
            continue
        if fmt == "tsv":
            right = n["id"] in gold[0] and kind_class(gold[0][n["id"]]) == kind_class(n["kind"])
        else:
            s = scorer.score_doc(dict(fx, nodes=[n], edges=[]), gold)
            if s["n_tp"] + s["n_fp"] == 0:
                continue
            right = s["n_tp"] == 1
        out.append(("nodes", ev, n.get("confidence", 1.0), right))
    for e in fx["edges"]:
        ev = (e.get("properties") or {}).get("evidence")
        if not ev:
            continue
        if fmt == "tsv":
            key = edge_key(e["kind"], e["from"], e["to"])
            if key in gold[2]:
                continue  # optional: not judged
            right = key in gold[1]
        else:
            s = scorer.score_doc(dict(fx, edges=[e]), gold)
            if s["e_tp"] + s["e_fp"] == 0:
                continue
            right = s["e_tp"] == 1
        out.append(("edges", ev, e.get("confidence", 1.0), right))
    return out


def gold_items(fmt, gold):
    """The node classes and edge kinds a gold names (the groups reported per kind)."""
    if fmt == "tsv":
        return {kind_class(k) for k in gold[0].values()}, {e[0] for e in gold[1]}
    return ({kind_class(n["kind"]) for n in gold["nodes"] if not n.get("optional")},
            {e[0] for e in gold.get("edges") or []})


def check_keys(path, gold):
    """Stops on a gold whose keys YAML did not read as strings: `no` (Norway) is read as false."""
    keys = [n["key"] for n in gold["nodes"]]
    ends = [x for e in (gold.get("edges") or []) + (gold.get("optional_edges") or []) for x in e[1:3]]
    bad = sorted({repr(k) for k in keys + ends if not isinstance(k, str)})
    if bad:
        raise SystemExit(f"{path}: keys read as other than strings: {', '.join(bad)} (quote them, or use another key)")


def documents(name, docs_dir, gold_dir, fmt):
    """(document path, gold) pairs of a set."""
    out = []
    if fmt == "yaml":
        import yaml
        for gf in sorted(glob.glob(os.path.join(gold_dir, "*.yaml"))):
            with open(gf, encoding="utf-8") as fh:
                gold = yaml.safe_load(fh)
            check_keys(gf, gold)
            out.append((os.path.join(docs_dir, gold["document"]), gold))
    else:
        for gf in sorted(glob.glob(os.path.join(gold_dir, "*.gold.tsv"))):
            base = os.path.basename(gf)[: -len(".gold.tsv")]
            out.append((os.path.join(docs_dir, base + ".txt"), read_tsv_gold(gf)))
    if not out:
        raise SystemExit(f"{name}: no gold in {gold_dir}")
    return out


def extract_all(entente, paths):
    """Runs one `entente extract --out` over every path; returns fixtures by path."""
    with tempfile.TemporaryDirectory() as out:
        r = subprocess.run([entente, "extract", "-log-level", "warn", "-evidence", "--out", out] + paths,
                           capture_output=True, text=True)
        if r.returncode != 0:
            raise SystemExit(f"entente extract failed: {r.stderr[-2000:]}")
        fixtures = {}
        for p in paths:
            fp = os.path.join(out, os.path.splitext(os.path.basename(p))[0] + ".json")
            with open(fp, encoding="utf-8") as fh:
                fixtures[p] = json.load(fh)
        return fixtures


def measure(entente, scorer, worst):
    """Figures of every set present: {"set/group": {"P","R","F1","n"}}, the worst documents
    and every judged fact (set, what, evidence class, confidence, right)."""
    figures, report, judged = {}, [], []
    for name, docs_dir, gold_dir, fmt in SETS:
        if not os.path.isdir(docs_dir) or not os.path.isdir(gold_dir):
            print(f"{name}: skipped, {docs_dir if not os.path.isdir(docs_dir) else gold_dir} not found", file=sys.stderr)
            continue
        docs = documents(name, docs_dir, gold_dir, fmt)
        fixtures = extract_all(entente, [p for p, _ in docs])
        groups = {}  # group -> Counts

        def add(group, c):
            groups.setdefault(group, Counts()).add(c.tp, c.fp, c.fn)

        per_doc, causes = [], {}
        for path, gold in docs:
            fx = fixtures[path]
            lang = (fx.get("documents") or [{}])[0].get("language") or "?"
            score = (lambda **kw: score_tsv(fx, gold, **kw)) if fmt == "tsv" else (lambda **kw: score_yaml(scorer, fx, gold, **kw))
            s = score()
            for what in ("nodes", "edges"):
                add(f"{what}", s[what])
                add(f"{lang}/{what}", s[what])
            classes, ekinds = gold_items(fmt, gold)
            for cls in sorted(classes | {kind_class(n["kind"]) for n in fx["nodes"] if from_text(n)}):
                add(f"node/{cls}", score(cls=cls)["nodes"])
            for ek in sorted(ekinds | {e["kind"] for e in fx["edges"] if from_text(e)}):
                add(f"edge/{ek}", score(ekind=ek)["edges"])
            judged += [(name,) + j for j in judge(fmt, scorer, fx, gold)]
            if fmt == "yaml":
                for k, n in edge_causes(scorer, fx, gold).items():
                    causes[k] = causes.get(k, 0) + n
            lost = s["nodes"].fn + s["nodes"].fp + s["edges"].fn + s["edges"].fp
            per_doc.append((lost, os.path.basename(path), s))
        for group, c in groups.items():
            p, r, f = c.prf()
            figures[f"{name}/{group}"] = {"P": round(p, 3), "R": round(r, 3), "F1": round(f, 3), "n": c.tp + c.fn}
        per_doc.sort(key=lambda t: -t[0])
        report.append((name, len(docs), per_doc[:worst], causes))
        for what in ("nodes", "edges"):
            high = [j for j in judged if j[0] == name and j[1] == what and j[3] >= 0.8]
            if high:
                right = sum(1 for j in high if j[4])
                figures[f"{name}/calibration/{what}>=0.8"] = {"P": round(right / len(high), 3), "R": 0.0, "F1": 0.0, "n": len(high)}
    return figures, report, judged


def print_calibration(judged):
    sets = []
    for j in judged:
        if j[0] not in sets:
            sets.append(j[0])
    print("\n## calibration: precision of the facts in each confidence band\n")
    print("| set | facts | " + " | ".join(f"{lo:.1f}–{min(hi, 1):.1f}" for lo, hi in BANDS) + " |")
    print("|---|---|" + "--:|" * len(BANDS))
    for name in sets:
        for what in ("nodes", "edges"):
            cells = []
            for lo, hi in BANDS:
                band = [j for j in judged if j[0] == name and j[1] == what and lo <= j[3] < hi]
                right = sum(1 for j in band if j[4])
                cells.append(f"{right / len(band):.2f} ({len(band)})" if band else "–")
            print(f"| {name} | {what} | " + " | ".join(cells) + " |")


def calibrate(judged):
    """Writes the precision of every evidence class, and of each coarser class, judged on the
    calibration sets: documents written by others, the closest to what analysts load."""
    count = {}
    for name, _, ev, _, right in judged:
        if name not in CALIBRATION_SETS:
            continue
        words = ev.split()
        for k in range(2, len(words) + 1):
            c = count.setdefault(" ".join(words[:k]), [0, 0])
            c[0] += right
            c[1] += 1
    with open(CONFIDENCE_TSV, "w", encoding="utf-8") as fh:
        fh.write("# Confidence of each evidence class: its precision on every annotated set, written by\n"
                 "# `make calibrate` (loaders/quality/quality.py --calibrate) on ../shared/corpus and the blind sets\n"
                 "# but blind3, blind11 and blind13; (right+1)/(judged+2).\n"
                 "# class<TAB>confidence<TAB>right<TAB>judged\n")
        for cls in sorted(count):
            right, n = count[cls]
            if n >= MIN_JUDGED:
                fh.write(f"{cls}\t{(right + 1) / (n + 2):.3f}\t{right}\t{n}\n")
    print(f"\nevidence classes written to {CONFIDENCE_TSV}")


def print_tables(figures, report, lines=6):
    sets = []
    for key in figures:
        s = key.split("/")[0]
        if s not in sets:
            sets.append(s)
    for s in sets:
        rows = {k[len(s) + 1:]: v for k, v in figures.items() if k.startswith(s + "/") and "/calibration/" not in k}
        n = next(r for r in report if r[0] == s)[1]
        print(f"\n## {s} ({n} documents)\n")
        print("| group | P | R | F1 | gold |")
        print("|---|--:|--:|--:|--:|")
        for g in sorted(rows, key=lambda g: (g.count("/"), g)):
            v = rows[g]
            print(f"| {g} | {v['P']:.2f} | {v['R']:.2f} | {v['F1']:.2f} | {v['n']} |")
    for s, _, _, causes in report:
        if causes:
            print_causes(s, causes)
    for s, _, worst, _ in report:
        print(f"\n## worst documents of {s}\n")
        if s in KEPT_ASIDE:
            print(f"- withheld: {s} is kept aside; its figures and error causes are above, its errors are not shown")
            continue
        for lost, doc, sc in worst:
            print(f"- {doc}: {lost} errors")
            for m in sc["missed"][:lines]:
                print(f"  - missed {m}")
            for m in sc["spurious"][:lines]:
                print(f"  - spurious {m}")


def print_causes(s, causes):
    """The edge errors of a set by kind and cause (counts only, so kept-aside sets show them too)."""
    columns = ["missed, both ends found", "missed, to-end missing", "missed, from-end missing", "missed, both ends missing",
               "spurious, both ends gold nodes", "spurious, an end not a gold node"]
    kinds = sorted({k for k, _ in causes}, key=lambda k: -sum(n for (kk, _), n in causes.items() if kk == k))
    print(f"\n## edge errors of {s} by cause\n")
    print("| kind | " + " | ".join(columns) + " |")
    print("|---|" + "--:|" * len(columns))
    for k in kinds + ["all"]:
        row = [sum(n for (kk, c), n in causes.items() if c == col and k in (kk, "all")) for col in columns]
        print(f"| {k} | " + " | ".join(str(n) for n in row) + " |")


def compare(figures, committed):
    """Figures more than TOLERANCE below the committed ones: P, R and F1 of sets and languages, F1 of kinds."""
    drops = []
    for key, old in sorted(committed.items()):
        new = figures.get(key)
        if new is None:
            continue
        metrics = ("F1",) if "/node/" in key or "/edge/" in key else ("P",) if "/calibration/" in key else ("P", "R", "F1")
        for m in metrics:
            if new[m] < old[m] - TOLERANCE:
                drops.append(f"{key} {m}: {new[m]:.3f}, committed {old[m]:.3f}")
    return drops


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--entente", default=os.path.join(ROOT, "entente"), help="the entente binary")
    ap.add_argument("--figures", default=os.path.join(ROOT, "loaders/quality/figures.json"))
    ap.add_argument("--check", action="store_true", help="fail when a figure drops below the committed one")
    ap.add_argument("--update", action="store_true", help="write the figures measured now")
    ap.add_argument("--calibrate", action="store_true", help="write the measured precision of each evidence class")
    ap.add_argument("--worst", type=int, default=5, help="worst documents listed per set")
    ap.add_argument("--lines", type=int, default=6, help="missed and spurious facts listed per worst document")
    a = ap.parse_args()
    if not os.path.exists(SCORER):
        print(f"corpus scorer not found at {SCORER}: the corpus set needs ../shared", file=sys.stderr)
        scorer = None
        SETS[:] = [s for s in SETS if s[3] != "yaml"]
    else:
        scorer = load_scorer()
    figures, report, judged = measure(a.entente, scorer, a.worst)
    print_tables(figures, report, a.lines)
    print_calibration(judged)
    if a.calibrate:
        calibrate(judged)
    if a.update:
        with open(a.figures, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=1, sort_keys=True)
            fh.write("\n")
        print(f"\nfigures written to {a.figures}")
    if a.check:
        with open(a.figures, encoding="utf-8") as fh:
            committed = json.load(fh)
        drops = compare(figures, committed)
        if drops:
            print("\nQUALITY DROPPED (more than %.2f below loaders/quality/figures.json):" % TOLERANCE)
            for d in drops:
                print("  " + d)
            sys.exit(1)
        print(f"\nquality: no figure below the committed ones (tolerance {TOLERANCE})")


if __name__ == "__main__":
    main()
