"""The interactive HTML view: RDF graph -> networkx graph model -> one self-contained page.

Why this shape:
- The graph model (:func:`entity_graph`) is a networkx ``MultiDiGraph`` of the entities only
  (``kg:Entity`` subclasses and the indicators that measurements point at). Mentions,
  sentences, sections, assertions and measurements are not drawn; they feed the side panel
  (evidence, measurements) and the indicators table.
- The layout is computed here with networkx (fixed seed, positions rounded to whole pixels)
  and the page runs with physics off, so it is interactive at once and byte-identical on
  rebuild.
- The page is assembled with pyvis' ``Network`` (nodes/edges in vis.js form) and vis-network
  9.1.2 (the copy pyvis 0.3.2 ships, vendored in ``kg/assets``), but not with pyvis' template:
  that template links Bootstrap and tom-select from CDNs and interpolates labels as HTML.
  Instead every datum travels in one JSON blob whose ``<``, ``>`` and ``&`` are escaped as
  ``\\u003c`` …, and ``kg/assets/page.js`` builds the DOM with ``textContent`` only. A
  Content-Security-Policy with the hashes of the page's two scripts forbids everything
  else (no network, no injected scripts, no inline event handlers).
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import json
import math
import re
import unicodedata
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
from pyvis.edge import Edge
from pyvis.network import Network
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node
from scipy.spatial import cKDTree

from kg.errors import InputError
from kg.resources import package_file
from kg.serialize import write_atomic
from kg.vocab import ENTITY_CLASSES, KG, KGR

# --------------------------------------------------------------------------- styles

# Class -> (Chinese label as in ontology/kg.ttl, colour, vis shape). Shapes with the label
# below them only, so that node size can show degree. A test checks the labels.
CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    "Strategy": ("战略", "#d62728", "star"),
    "Initiative": ("举措", "#ff7f0e", "diamond"),
    "Action": ("行动", "#e6a700", "triangle"),
    "Goal": ("目标", "#8fa800", "triangleDown"),
    "Task": ("任务", "#8c564b", "square"),
    "Project": ("项目", "#1f77b4", "square"),
    "Organization": ("组织机构", "#9467bd", "hexagon"),
    "Enterprise": ("企业", "#e377c2", "hexagon"),
    "Platform": ("平台载体", "#2ca02c", "triangle"),
    "Place": ("地点", "#17becf", "dot"),
    "Indicator": ("指标", "#6b7b8c", "dot"),
    "Award": ("奖项荣誉", "#c49c00", "star"),
    "Entity": ("实体", "#a0a0a0", "dot"),
}
# When a node carries several classes (merged reports), the first one here is drawn.
CLASS_PRECEDENCE: tuple[str, ...] = (
    "Action", "Initiative", "Enterprise", "Organization", "Strategy", "Goal", "Task",
    "Project", "Platform", "Place", "Award", "Indicator", "Entity",
)
# Relation -> (Chinese label, colour, dash pattern or None). "about" is drawn from a
# measurement's kg:about entity to the measured indicator.
RELATION_STYLE: dict[str, tuple[str, str, list[int] | None]] = {
    "hasComponent": ("包含组成部分", "#5b6b7f", None),
    "involves": ("涉及", "#e8871e", [6, 4]),
    "locatedIn": ("位于", "#17a2b8", [2, 4]),
    "partOf": ("隶属于", "#9467bd", None),
    "alignsWith": ("对接战略", "#d62728", [10, 5]),
    "about": ("测量指标", "#9a9a9a", [1, 3]),
}
FONT_FACE = '"WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
# Above this many edges the page draws straight edges and hides them while dragging.
LARGE_EDGES = 1500
LAYOUT_SEED = 42


# --------------------------------------------------------------------------- graph model


@dataclass
class Evidence:
    """One sentence that supports a node or an edge, with the marked spans inside it."""

    sentence: str  # IRI of the kg:Sentence
    spans: list[tuple[int, int]] = field(default_factory=list)


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _pick_literal(values: Iterable[Node]) -> str | None:
    """Prefer a Chinese literal, then an untagged one, then any; ties broken by text."""
    lits = [v for v in values if isinstance(v, Literal)]
    if not lits:
        return None

    def rank(lit: Literal) -> tuple[int, str]:
        lang = (lit.language or "").lower()
        return (0 if lang.startswith("zh") else 1 if not lang else 2, str(lit))

    return str(min(lits, key=rank))


def _texts(graph: Graph, subject: Node, predicate: URIRef) -> list[str]:
    return sorted({str(o) for o in graph.objects(subject, predicate) if isinstance(o, Literal)})


def _int(graph: Graph, subject: Node, predicate: URIRef) -> int | None:
    value = graph.value(subject, predicate)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def entity_nodes(graph: Graph) -> list[URIRef]:
    """The IRIs the view draws: typed entities and every indicator a measurement names."""
    found: set[URIRef] = set()
    for cls in (*ENTITY_CLASSES, "Entity"):
        found.update(s for s in graph.subjects(RDF.type, KG[cls]) if isinstance(s, URIRef))
    found.update(o for o in graph.objects(None, KG.indicator) if isinstance(o, URIRef))
    return sorted(found, key=str)


def _primary_class(graph: Graph, node: URIRef) -> tuple[str, list[str]]:
    types = {_local(str(t)) for t in graph.objects(node, RDF.type) if str(t).startswith(str(KG))}
    types &= set(CLASS_STYLE)
    if not types and (None, KG.indicator, node) in graph:
        types = {"Indicator"}
    ordered = [c for c in CLASS_PRECEDENCE if c in types] or ["Entity"]
    return ordered[0], ordered


def _label(graph: Graph, node: URIRef) -> str:
    label = _pick_literal(graph.objects(node, RDFS.label)) or _pick_literal(
        graph.objects(node, SKOS.prefLabel)
    )
    if label:
        return label
    local = _local(str(node))
    return local.removeprefix(str(KGR)) or str(node)


class _Provenance:
    """Looks up sentences, sections and mentions once, so evidence lookups stay cheap."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.sentence_text: dict[str, str] = {}
        self.sentence_start: dict[str, int] = {}
        self.sentence_section: dict[str, str] = {}
        for sent in graph.subjects(RDF.type, KG.Sentence):
            key = str(sent)
            self.sentence_text[key] = str(graph.value(sent, KG.text) or "")
            self.sentence_start[key] = _int(graph, sent, KG.start) or 0
            sec = graph.value(sent, KG.inSection)
            if sec is not None:
                self.sentence_section[key] = str(sec)

    def mention(self, mention: Node) -> tuple[str, tuple[int, int] | None] | None:
        """(sentence IRI, span of the mention inside the sentence) of one mention."""
        sent = self.graph.value(mention, KG.inSentence)
        if sent is None:
            return None
        key = str(sent)
        if key not in self.sentence_text:
            self.sentence_text[key] = str(self.graph.value(sent, KG.text) or "")
            self.sentence_start[key] = _int(self.graph, sent, KG.start) or 0
        sec = self.graph.value(mention, KG.inSection) or self.graph.value(sent, KG.inSection)
        if sec is not None and key not in self.sentence_section:
            self.sentence_section[key] = str(sec)
        text = self.sentence_text[key]
        surface = str(self.graph.value(mention, KG.text) or "")
        start = _int(self.graph, mention, KG.start)
        span: tuple[int, int] | None = None
        if start is not None and surface:
            rel = start - self.sentence_start[key]
            if text[rel : rel + len(surface)] == surface:
                span = (rel, rel + len(surface))
        if span is None and surface and surface in text:
            rel = text.index(surface)
            span = (rel, rel + len(surface))
        return key, span

    def evidence(self, mentions: Iterable[Node]) -> list[Evidence]:
        """Evidence sentences of some mentions, one per sentence, in text order."""
        by_sentence: dict[str, set[tuple[int, int]]] = {}
        for m in mentions:
            found = self.mention(m)
            if found is None:
                continue
            sent, span = found
            spans = by_sentence.setdefault(sent, set())
            if span:
                spans.add(span)
        keys = sorted(by_sentence, key=lambda s: (self.sentence_start.get(s, 0), s))
        return [Evidence(s, sorted(by_sentence[s])) for s in keys]


def entity_graph(graph: Graph) -> nx.MultiDiGraph:
    """The graph model of the view: one node per entity (IRI string), one edge per relation.

    Node attributes: label, cls (drawn class), types, aliases, definitions, evidence
    (list of Evidence). Edge key and attribute ``relation``: the relation's local name;
    ``evidence``: the sentences the reified kg:Assertion cites.
    """
    prov = _Provenance(graph)
    model = nx.MultiDiGraph()
    nodes = entity_nodes(graph)
    for node in nodes:
        cls, types = _primary_class(graph, node)
        model.add_node(
            str(node),
            label=_label(graph, node),
            cls=cls,
            types=types,
            aliases=[a for a in _texts(graph, node, SKOS.altLabel) if a != _label(graph, node)],
            definitions=_texts(graph, node, SKOS.definition),
            evidence=prov.evidence(graph.objects(node, KG.hasMention)),
        )
    members = {str(n) for n in nodes}
    assertion_evidence: dict[tuple[str, str, str], list[Node]] = defaultdict(list)
    for a in graph.subjects(RDF.type, KG.Assertion):
        s, p, o = (graph.value(a, x) for x in (RDF.subject, RDF.predicate, RDF.object))
        if s is not None and p is not None and o is not None:
            assertion_evidence[(str(s), _local(str(p)), str(o))].extend(
                graph.objects(a, KG.evidence)
            )
    for rel in sorted(RELATION_STYLE):
        if rel == "about":
            continue
        for s, o in graph.subject_objects(KG[rel]):
            if str(s) in members and str(o) in members and str(s) != str(o):
                key = (str(s), rel, str(o))
                model.add_edge(
                    str(s), str(o), key=rel, relation=rel,
                    evidence=prov.evidence(assertion_evidence.get(key, [])),
                )
    for meas in graph.subjects(KG.indicator, None):
        ind, about = graph.value(meas, KG.indicator), graph.value(meas, KG.about)
        if ind is None or about is None or str(about) not in members or about == ind:
            continue
        if not model.has_edge(str(about), str(ind), key="about"):
            model.add_edge(str(about), str(ind), key="about", relation="about", evidence=[])
    model.graph["provenance"] = prov
    return model


def _norm(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().strip()


def find_nodes(model: nx.MultiDiGraph, name: str) -> list[str]:
    """Nodes whose label or an alias is ``name`` (NFKC, case-insensitive); raise if none."""
    want = _norm(name)
    hits = sorted(
        n for n, d in model.nodes(data=True)
        if want and (_norm(d["label"]) == want or any(_norm(a) == want for a in d["aliases"]))
    )
    if hits:
        return hits
    names = sorted({d["label"] for _, d in model.nodes(data=True)} | {
        a for _, d in model.nodes(data=True) for a in d["aliases"]
    })
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    close += [x for x in names if want and want in _norm(x) and x not in close][: 3 - len(close)]
    hint = f"did you mean {', '.join(repr(c) for c in close)}? " if close else ""
    raise InputError(
        f"--focus {name!r} matches no node's label or alias; {hint}"
        "list the entities with `kg query` and pass one of their names"
    )


def focus_subgraph(model: nx.MultiDiGraph, focus: str, depth: int) -> tuple[nx.MultiDiGraph, list[str]]:
    """The nodes within ``depth`` steps (either direction) of the node(s) named ``focus``."""
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, got {depth}")
    centres = find_nodes(model, focus)
    seen = {c: 0 for c in centres}
    queue = deque(centres)
    undirected = model.to_undirected(as_view=True)
    while queue:
        node = queue.popleft()
        if seen[node] >= depth:
            continue
        for nb in sorted(undirected.neighbors(node)):
            if nb not in seen:
                seen[nb] = seen[node] + 1
                queue.append(nb)
    sub = model.subgraph(seen).copy()
    sub.graph.update(model.graph)
    return sub, centres


# --------------------------------------------------------------------------- layout

# networkx' spring layout is O(n²) per iteration (70 s for a 5,000-node component on two
# cores); above this size a grid-cutoff Fruchterman-Reingold (below) takes about a second.
SPRING_MAX = 400


def _radial_tree(sub: nx.Graph, nodes: list[str], k: float) -> np.ndarray:
    """Start positions: a BFS tree from the best-connected node, rings sized for even density."""
    index = {n: i for i, n in enumerate(nodes)}
    root = min(nodes, key=lambda n: (-sub.degree(n), n))
    children: dict[str, list[str]] = {root: []}
    depth = {root: 0}
    order = [root]
    for u in order:
        for v in sorted(sub.neighbors(u)):
            if v not in depth:
                depth[v] = depth[u] + 1
                children[v] = []
                children[u].append(v)
                order.append(v)
    leaves: dict[str, int] = {}
    for u in reversed(order):
        leaves[u] = sum(leaves[c] for c in children[u]) or 1
    per_depth: dict[int, int] = defaultdict(int)
    for u in order:
        per_depth[depth[u]] += 1
    ring: dict[int, float] = {}
    seen = 0
    for d in sorted(per_depth):
        seen += per_depth[d]
        ring[d] = k * 1.6 * math.sqrt(seen / math.pi) if d else 0.0
    pos = np.zeros((len(nodes), 2))
    span = {root: (0.0, 2 * math.pi)}
    for u in order:
        a0, a1 = span[u]
        mid = (a0 + a1) / 2
        pos[index[u]] = (ring[depth[u]] * math.cos(mid), ring[depth[u]] * math.sin(mid))
        a = a0
        for c in children[u]:
            w = (a1 - a0) * leaves[c] / leaves[u]
            span[c] = (a, a + w)
            a += w
    return pos


def _sum_by(index: np.ndarray, force: np.ndarray, n: int) -> np.ndarray:
    return np.stack(
        [np.bincount(index, force[:, 0], n), np.bincount(index, force[:, 1], n)], axis=1
    )


def _grid_layout(sub: nx.Graph, iterations: int = 100) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold with repulsion cut off at 3 spring lengths (their 1991 grid
    variant) and springs with a rest length; neighbour pairs come from a k-d tree."""
    nodes = sorted(sub)
    index = {n: i for i, n in enumerate(nodes)}
    n, k = len(nodes), 1.0
    edges = np.array(
        sorted((index[u], index[v]) for u, v in sub.edges() if u != v), dtype=np.int64
    ).reshape(-1, 2)
    pos = _radial_tree(sub, nodes, k)
    temp = k * math.sqrt(n) / 10
    for it in range(iterations):
        disp = np.zeros_like(pos)
        pairs = cKDTree(pos).query_pairs(3 * k, output_type="ndarray")
        if len(pairs):
            d = pos[pairs[:, 0]] - pos[pairs[:, 1]]
            dist = np.maximum(np.hypot(d[:, 0], d[:, 1]), 0.01)
            f = (k * k / dist**2)[:, None] * d
            disp += _sum_by(pairs[:, 0], f, n) - _sum_by(pairs[:, 1], f, n)
        d = pos[edges[:, 0]] - pos[edges[:, 1]]
        dist = np.maximum(np.hypot(d[:, 0], d[:, 1]), 0.01)
        f = (0.1 * (dist - k) / dist)[:, None] * d
        disp += _sum_by(edges[:, 1], f, n) - _sum_by(edges[:, 0], f, n)
        length = np.maximum(np.hypot(disp[:, 0], disp[:, 1]), 1e-9)
        pos += disp / length[:, None] * np.minimum(length, temp)[:, None]
        temp *= 0.97 if it < iterations // 2 else 1 - 1 / (iterations - it + 1)
    return {u: (float(pos[index[u], 0]), float(pos[index[u], 1])) for u in nodes}


def _component_layout(sub: nx.Graph, seed: int, spacing: float) -> dict[str, tuple[float, float]]:
    """Positions of one connected component (at least three nodes), about ``spacing`` apart."""
    n = sub.number_of_nodes()
    if n <= SPRING_MAX:
        radius = spacing * math.sqrt(n / math.pi) * 1.15
        pos = nx.spring_layout(sub, seed=seed, iterations=200, scale=radius)
        local = {u: (float(p[0]), float(p[1])) for u, p in sorted(pos.items())}
    else:
        grid = _grid_layout(nx.Graph(sub))
        local = {u: (x * spacing * 0.8, y * spacing * 0.8) for u, (x, y) in grid.items()}
    return _spread(local, spacing * 0.5)


def _spread(local: dict[str, tuple[float, float]], gap: float) -> dict[str, tuple[float, float]]:
    """Push apart nodes closer than ``gap`` (spring layouts pile up nodes that share all
    their neighbours, e.g. enterprises named in the same two sentences)."""
    names = sorted(local)
    pos = np.array([local[n] for n in names], dtype=float)
    for _ in range(100):
        pairs = cKDTree(pos).query_pairs(gap, output_type="ndarray")
        if not len(pairs):
            break
        d = pos[pairs[:, 1]] - pos[pairs[:, 0]]
        dist = np.hypot(d[:, 0], d[:, 1])
        # coincident nodes: separate along a fixed, index-dependent direction
        angle = (pairs[:, 0] * 2.399963) % (2 * math.pi)
        unit = np.where(
            dist[:, None] > 1e-6, d / np.maximum(dist, 1e-6)[:, None],
            np.stack([np.cos(angle), np.sin(angle)], axis=1),
        )
        push = ((gap - dist) / 2)[:, None] * unit * 0.6
        pos += _sum_by(pairs[:, 1], push, len(names)) - _sum_by(pairs[:, 0], push, len(names))
    return {n: (float(pos[i, 0]), float(pos[i, 1])) for i, n in enumerate(names)}


def _pack(blocks: list[tuple[dict[str, tuple[float, float]], float, float]], row_width: float,
          gap: float, top: float) -> tuple[dict[str, tuple[int, int]], float]:
    """Shelf packing: blocks left to right in rows; returns positions and the bottom edge."""
    out: dict[str, tuple[int, int]] = {}
    x, y, row_h = 0.0, top, 0.0
    for local, w, h in blocks:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        for n, (px, py) in local.items():
            out[n] = (round(x + px), round(y + py))
        x += w + gap
        row_h = max(row_h, h)
    return out, y + row_h


def layout(model: nx.MultiDiGraph, seed: int = LAYOUT_SEED) -> dict[str, tuple[int, int]]:
    """Deterministic positions in pixels. Each connected component is laid out on its own
    (networkx spring layout, or :func:`_grid_layout` when large) and the components are
    packed in rows, largest first; nodes without relations go in a grid underneath."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(model.nodes))
    simple.add_edges_from(sorted((u, v) for u, v in model.edges() if u != v))
    comps = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    spacing = 150.0
    blocks: list[tuple[dict[str, tuple[float, float]], float, float]] = []
    singles = [c[0] for c in comps if len(c) == 1]
    for comp in comps:
        if len(comp) == 1:
            continue
        if len(comp) == 2:
            local = {comp[0]: (0.0, 0.0), comp[1]: (spacing, 0.0)}
        else:
            # a fresh graph in sorted order: subgraph views iterate a set when the
            # component is small, which made positions depend on PYTHONHASHSEED
            sub = nx.Graph()
            sub.add_nodes_from(comp)
            sub.add_edges_from(sorted(tuple(sorted(e)) for e in simple.subgraph(comp).edges()))
            local = _component_layout(sub, seed, spacing)
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        minx, miny = min(xs), min(ys)
        local = {n: (x - minx, y - miny) for n, (x, y) in local.items()}
        blocks.append((local, max(xs) - minx, max(ys) - miny))
    cell_w, cell_h = 170.0, 60.0
    area = sum((w + spacing) * (h + spacing) for _, w, h in blocks) + len(singles) * cell_w * cell_h
    row_width = max(math.sqrt(area) * 1.4, max((w for _, w, _ in blocks), default=0), cell_w * 6)
    out, bottom = _pack(blocks, row_width, spacing, 0.0)
    per_row = max(1, int(row_width // cell_w))
    top = bottom + spacing if blocks else 0.0
    for i, n in enumerate(singles):
        out[n] = (round((i % per_row) * cell_w), round(top + (i // per_row) * cell_h))
    return out


# --------------------------------------------------------------------------- page data


def _node_size(degree: int) -> float:
    return round(min(10 + 5 * math.sqrt(degree), 48), 1)


def _measurements(graph: Graph, prov: _Provenance, shown: set[str]) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for meas in sorted(set(graph.subjects(KG.indicator, None)), key=str):
        ind = graph.value(meas, KG.indicator)
        about = graph.value(meas, KG.about)
        if str(ind) not in shown:
            continue
        value = graph.value(meas, KG.value)
        try:
            num = float(value) if value is not None else None
        except (TypeError, ValueError):
            num = None
        if num is not None and not math.isfinite(num):
            num = None
        target = graph.value(meas, KG.isTarget)
        ev = prov.evidence(graph.objects(meas, KG.evidence))
        rows.append({
            "iri": str(meas),
            "indicator": str(ind),
            "about": str(about) if about is not None and str(about) in shown else None,
            "value": str(value) if value is not None else "",
            "num": num,
            "unit": str(graph.value(meas, KG.unit) or ""),
            "year": str(graph.value(meas, KG.year) or ""),
            "target": None if target is None else bool(target.toPython()),
            "qualifier": str(graph.value(meas, KG.qualifier) or ""),
            "change": str(graph.value(meas, KG.change) or ""),
            "evidence": ev,
        })
    return rows


def page_payload(
    graph: Graph, model: nx.MultiDiGraph, *, title: str, focus: Sequence[str] = (),
    focus_name: str | None = None, depth: int | None = None,
) -> tuple[dict[str, Any], Network]:
    """Everything the page shows, as plain JSON-ready data, plus the pyvis Network that
    holds the vis.js nodes and edges."""
    prov: _Provenance = model.graph.get("provenance") or _Provenance(graph)
    ids = sorted(model.nodes, key=lambda n: (model.nodes[n]["label"], n))
    index = {n: i for i, n in enumerate(ids)}
    positions = layout(model)
    undirected = model.to_undirected(as_view=True)
    degree = {n: len(set(undirected.neighbors(n)) - {n}) for n in ids}
    # components numbered largest first (ties: smallest member), for the page's first view
    comps = sorted((sorted(c) for c in nx.connected_components(undirected)), key=lambda c: (-len(c), c[0]))
    component = {n: k for k, comp in enumerate(comps) for n in comp}
    measurements = _measurements(graph, prov, set(ids))

    sentence_keys: set[str] = set()
    for n in ids:
        sentence_keys.update(e.sentence for e in model.nodes[n]["evidence"])
    for _, _, d in model.edges(data=True):
        sentence_keys.update(e.sentence for e in d["evidence"])
    for m in measurements:
        sentence_keys.update(e.sentence for e in m["evidence"])
    sentences = sorted(sentence_keys, key=lambda s: (prov.sentence_start.get(s, 0), s))
    sent_index = {s: i for i, s in enumerate(sentences)}
    section_keys = sorted({prov.sentence_section[s] for s in sentences if s in prov.sentence_section})
    sections = [
        {"iri": s, "label": _label(graph, URIRef(s)), "start": _int(graph, URIRef(s), KG.start) or 0}
        for s in section_keys
    ]
    sections.sort(key=lambda s: (s["start"], s["iri"]))
    sec_index = {s["iri"]: i for i, s in enumerate(sections)}

    def ev(items: list[Evidence]) -> list[list[Any]]:
        return [[sent_index[e.sentence], [list(sp) for sp in e.spans]] for e in items]

    meas_by_node: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(sorted(measurements, key=lambda m: (
        model.nodes[m["indicator"]]["label"], m["year"], m["target"] is True, m["num"] or 0, m["iri"]
    ))):
        m["_order"] = i
    measurements.sort(key=lambda m: m["_order"])
    for i, m in enumerate(measurements):
        meas_by_node[m["indicator"]].append(i)
        if m["about"]:
            meas_by_node[m["about"]].append(i)

    large = model.number_of_edges() > LARGE_EDGES
    net = Network(directed=True, cdn_resources="in_line")
    nodes_out: list[dict[str, Any]] = []
    for n in ids:
        d = model.nodes[n]
        cls_zh, colour, shape = CLASS_STYLE[d["cls"]]
        x, y = positions[n]
        net.add_node(
            index[n], label=d["label"], shape=shape,
            color={"background": colour, "border": colour,
                   "highlight": {"background": colour, "border": "#111111"},
                   "hover": {"background": colour, "border": "#111111"}},
            size=_node_size(degree[n]), x=x, y=y, title=f"{d['label']}\n{cls_zh}",
            font={"size": 14 if degree[n] < 3 else 16 if degree[n] < 6 else 20 if degree[n] < 12 else 24},
        )
        nodes_out.append({
            "iri": n, "label": d["label"], "cls": d["cls"], "types": d["types"],
            "aliases": d["aliases"], "definitions": d["definitions"], "degree": degree[n],
            "evidence": ev(d["evidence"]), "measurements": meas_by_node.get(n, []),
            "component": component[n],
        })

    edges_out: list[dict[str, Any]] = []
    edge_list = sorted(
        ((index[u], index[v], d["relation"], d["evidence"]) for u, v, d in model.edges(data=True)),
        key=lambda e: (e[0], e[1], e[2]),
    )
    parallel: dict[tuple[int, int], int] = defaultdict(int)
    for i, (u, v, rel, evidence) in enumerate(edge_list):
        rel_zh, colour, dashes = RELATION_STYLE[rel]
        pair = (min(u, v), max(u, v))
        k = parallel[pair]
        parallel[pair] += 1
        smooth: dict[str, Any] | bool
        if k:
            smooth = {"enabled": True, "type": "curvedCW", "roundness": round(0.2 * k, 2)}
        else:
            smooth = {"enabled": False} if large else {"enabled": True, "type": "continuous", "roundness": 0.15}
        opts: dict[str, Any] = {
            "id": i, "color": {"color": colour, "highlight": colour, "hover": colour, "opacity": 0.85},
            "dashes": dashes if dashes else False, "smooth": smooth,
            "title": f"{model.nodes[ids[u]]['label']} —{rel_zh}→ {model.nodes[ids[v]]['label']}",
        }
        # pyvis' add_edge scans every node and edge per call (quadratic); Edge is what it builds.
        net.edges.append(Edge(u, v, True, **opts).options)
        edges_out.append({"from": u, "to": v, "rel": rel, "evidence": ev(evidence)})

    options = {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "interaction": {
            "hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large, "multiselect": False, "navigationButtons": False,
            "keyboard": {"enabled": False},
        },
        "nodes": {
            "borderWidth": 1, "borderWidthSelected": 3,
            "font": {"face": FONT_FACE, "size": 14, "color": "#1f2933", "strokeWidth": 4,
                     "strokeColor": "#ffffff"},
            "scaling": {"label": {"drawThreshold": 8}},
        },
        "edges": {
            "width": 1.3, "selectionWidth": 1.5, "hoverWidth": 0.8,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "font": {"face": FONT_FACE, "size": 12, "align": "middle", "color": "#333333",
                     "strokeWidth": 4, "strokeColor": "#ffffff"},
        },
    }
    net.options = options  # pyvis accepts a plain options dict

    counts: dict[str, int] = defaultdict(int)
    for n in ids:
        counts[model.nodes[n]["cls"]] += 1
    rel_counts: dict[str, int] = defaultdict(int)
    for e in edges_out:
        rel_counts[e["rel"]] += 1
    payload = {
        "title": title,
        "focus": sorted(index[c] for c in focus if c in index),
        "focusName": focus_name,
        "depth": depth,
        "classes": [
            {"name": c, "label": CLASS_STYLE[c][0], "color": CLASS_STYLE[c][1],
             "shape": CLASS_STYLE[c][2], "count": counts[c]}
            for c in CLASS_PRECEDENCE if counts.get(c)
        ],
        "relations": [
            {"name": r, "label": s[0], "color": s[1], "dashes": s[2], "count": rel_counts[r]}
            for r, s in RELATION_STYLE.items() if rel_counts.get(r)
        ],
        "nodes": nodes_out,
        "edges": edges_out,
        "sentences": [
            {"text": prov.sentence_text.get(s, ""),
             "section": sec_index.get(prov.sentence_section.get(s, ""), -1)}
            for s in sentences
        ],
        "sections": [s["label"] for s in sections],
        "measurements": [
            {"indicator": index[m["indicator"]],
             "about": index[m["about"]] if m["about"] else None,
             "value": m["value"], "num": m["num"], "unit": m["unit"], "year": m["year"],
             "target": m["target"], "qualifier": m["qualifier"], "change": m["change"],
             "evidence": ev(m["evidence"])}
            for m in measurements
        ],
        "vis": {"nodes": net.nodes, "edges": net.edges, "options": options},
    }
    return payload, net


# --------------------------------------------------------------------------- HTML


def json_for_html(data: Any) -> str:
    """JSON that is safe inside a <script> element: no <, >, & or line separators appear."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                    ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return text


def _asset(name: str) -> str:
    return package_file("assets", name).read_text(encoding="utf-8")


def _escape_html(text: str) -> str:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#x27;"))


_PLACEHOLDER = re.compile(r"\{\{(?:CSP|TITLE|CSS|DATA|VIS_JS|PAGE_JS)\}\}")


def _sha256(script: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()


def render_html(graph: Graph, *, title: str, focus: str | None = None, depth: int = 2) -> str:
    """One self-contained HTML page of the graph's entities (see module docstring)."""
    model = entity_graph(graph)
    centres: list[str] = []
    if focus is not None:
        model, centres = focus_subgraph(model, focus, depth)
    payload, _net = page_payload(
        graph, model, title=title, focus=centres, focus_name=focus,
        depth=depth if focus is not None else None,
    )
    vis_js = _asset("vis-network.min.js")
    page_js = _asset("page.js")
    css = _asset("page.css")
    csp = (
        "default-src 'none'; "
        f"script-src '{_sha256(vis_js)}' '{_sha256(page_js)}'; "
        "style-src 'unsafe-inline'; img-src data:; font-src data:; "
        "connect-src 'none'; form-action 'none'; base-uri 'none'"
    )
    template = _asset("page.html")
    replacements = {
        "{{CSP}}": _escape_html(csp),
        "{{TITLE}}": _escape_html(title),
        "{{CSS}}": css,
        "{{DATA}}": json_for_html(payload),
        "{{VIS_JS}}": vis_js,
        "{{PAGE_JS}}": page_js,
    }
    # One pass over the template: substituted values (report text among them) are never
    # scanned again for placeholders.
    return _PLACEHOLDER.sub(lambda m: replacements[m.group(0)], template)


def write_html(graph: Graph, path: Path, *, title: str, focus: str | None = None,
               depth: int = 2) -> None:
    """Render and write the page atomically (temp file in the same folder, then replace)."""
    write_atomic(Path(path), render_html(graph, title=title, focus=focus, depth=depth))


# --------------------------------------------------------------------------- CLI helpers

DEFAULT_OUTPUT = Path("outputs") / "graph.html"


def load_graph(paths: Sequence[Path]) -> Graph:
    """Parse and merge Turtle files; a missing or malformed file is an InputError."""
    graph = Graph()
    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such file; pass a Turtle file written by `kg build`")
        try:
            graph.parse(Path(path).resolve().as_uri(), format="turtle")
        except Exception as exc:  # rdflib raises many parser exception types
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise InputError(f"{path}: not valid Turtle ({first}); rebuild it with `kg build`") from exc
    return graph


def default_title(graph: Graph) -> str:
    """'<region> <year> 政府工作报告 · 知识图谱' for one report; a generic title otherwise."""
    reports = sorted(graph.subjects(RDF.type, KG.Report), key=str)
    if len(reports) == 1:
        rep = reports[0]
        region = graph.value(rep, KG.region)
        parts = [
            _label(graph, region) if isinstance(region, URIRef) else "",
            str(graph.value(rep, KG.year) or ""),
            _pick_literal(graph.objects(rep, URIRef("http://purl.org/dc/terms/title"))) or "政府工作报告",
        ]
        return " ".join(p for p in parts if p) + " · 知识图谱"
    if reports:
        return f"{len(reports)} 份政府工作报告 · 知识图谱"
    return "知识图谱"
