"""Score a built graph against a hand-written gold file (docs/gold-format.md).

Why: extraction quality must be measured, not guessed. Users annotate their own reports in a
small YAML file and `kg eval` tells them precision, recall and F1 per category, plus the
exact misses and false positives to look at. The matching rules are documented in
docs/gold-format.md; keep the two in step.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.errors import GoldError, InputError
from kg.vocab import ENTITY_CLASSES, KG, RELATIONS, SUPERCLASS

# --------------------------------------------------------------------------- names

_QUOTES = "“”‘’\"'「」『』"
_WS = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """Compare names the way a reader would: no quotes or spaces, half-width ASCII."""
    out: list[str] = []
    for ch in name:
        code = ord(ch)
        if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
            ch = chr(code - 0xFEE0)  # full-width digit/letter → ASCII
        if ch in _QUOTES:
            continue
        out.append(ch)
    return _WS.sub("", "".join(out))


def _classes_compatible(gold_cls: str, pred_cls: str) -> bool:
    """Equal, or one is the declared subclass of the other (Action⊂Initiative, Enterprise⊂Organization)."""
    return (
        gold_cls == pred_cls
        or SUPERCLASS.get(pred_cls) == gold_cls
        or SUPERCLASS.get(gold_cls) == pred_cls
    )


def indicator_overlap(gold: str, pred: str) -> bool:
    """Indicator names agree if one contains the other or they share ≥ 60% of characters."""
    g, p = normalize_name(gold), normalize_name(pred)
    if not g or not p:
        return False
    if g in p or p in g:
        return True
    common = sum((Counter(g) & Counter(p)).values())
    return common / max(len(g), len(p)) >= 0.6


# --------------------------------------------------------------------------- gold file

RELATION_PREDICATES: tuple[str, ...] = tuple(r for r in RELATIONS if r != "hasComponent")
TYPED_CLASSES: tuple[str, ...] = ("Enterprise", "Organization", "Project", "Platform", "Place")
# Classes whose labels must be names; tasks and goals are clauses by nature.
JUNK_CHECKED: tuple[str, ...] = tuple(c for c in ENTITY_CLASSES if c not in ("Task", "Goal"))
JUNK_VERBS: tuple[str, ...] = (
    "加快", "推进", "支持", "实施", "建设", "打造", "推动", "加强", "提升", "开展", "促进",
    "深化", "完善", "坚持", "落实", "培育", "发展", "积极", "全力", "大力", "持续", "着力",
)


@dataclass(frozen=True)
class GoldEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class GoldMeasurement:
    indicator: str
    value: Decimal
    unit: str
    year: str | None
    target: bool


@dataclass
class Gold:
    """A parsed gold file; `names` maps a normalised name to every name of its entity."""

    path: Path
    report: str | None
    entities: list[GoldEntity] = field(default_factory=list)
    components: list[tuple[str, str]] = field(default_factory=list)
    relations: list[tuple[str, str, str]] = field(default_factory=list)
    measurements: list[GoldMeasurement] = field(default_factory=list)

    def names_of(self, name: str) -> frozenset[str]:
        """All normalised names of the gold entity called `name` (just `name` if unknown)."""
        key = normalize_name(name)
        for ent in self.entities:
            names = {normalize_name(n) for n in (ent.name, *ent.aliases)}
            if key in names:
                return frozenset(names)
        return frozenset({key})


def _fail(path: Path, where: str, problem: str, fix: str) -> GoldError:
    return GoldError(f"{path}: {where}: {problem}; {fix}")


def _text(path: Path, where: str, value: Any, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int | float) or not str(value).strip():
        raise _fail(path, where, f"'{key}' must be a non-empty string", f"write {key}: <text>")
    return str(value).strip()


def load_gold(path: Path) -> Gold:
    """Read and validate a YAML or JSON gold file; errors name the file, the entry and the fix."""
    import yaml

    try:
        raw_text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise GoldError(f"{path}: no such gold file; check the path") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldError(f"{path}: cannot read gold file ({exc.__class__.__name__}); save it as UTF-8 text") from exc
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw_text)
        else:
            data = yaml.safe_load(raw_text)
    except (json.JSONDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark is not None else f"line {getattr(exc, 'lineno', '?')}"
        raise GoldError(f"{path}: {line}: not valid {'JSON' if path.suffix.lower() == '.json' else 'YAML'}; fix the syntax there") from exc
    if not isinstance(data, dict):
        raise _fail(path, "top level", "expected a mapping", "start with keys report, entities, components, relations, measurements")
    known = {"report", "entities", "components", "relations", "measurements"}
    unknown = sorted(set(map(str, data)) - known)
    if unknown:
        raise _fail(path, "top level", f"unknown key '{unknown[0]}'", f"use only {', '.join(sorted(known))}")
    report = data.get("report")
    gold = Gold(path=path, report=str(report) if report is not None else None)

    def items(key: str) -> list[Any]:
        value = data.get(key) or []
        if not isinstance(value, list):
            raise _fail(path, key, "expected a list", f"write each {key[:-1]} as a '- ' list item")
        return value

    for i, item in enumerate(items("entities")):
        where = f"entities[{i}]"
        if not isinstance(item, dict):
            raise _fail(path, where, "expected a mapping", "write {name: …, type: …, aliases: [...]}")
        name = _text(path, where, item.get("name"), "name")
        where = f"entities[{i}] ({name})"
        cls = _text(path, where, item.get("type"), "type")
        if cls not in ENTITY_CLASSES:
            raise _fail(path, where, f"unknown type '{cls}'", f"use one of {', '.join(ENTITY_CLASSES)}")
        aliases = item.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [aliases]
        if not isinstance(aliases, list):
            raise _fail(path, where, "'aliases' must be a list", "write aliases: [A, B]")
        extra = sorted(set(map(str, item)) - {"name", "type", "aliases"})
        if extra:
            raise _fail(path, where, f"unknown key '{extra[0]}'", "use only name, type, aliases")
        gold.entities.append(
            GoldEntity(name, cls, tuple(_text(path, where, a, "aliases") for a in aliases))
        )

    for i, item in enumerate(items("components")):
        where = f"components[{i}]"
        if not isinstance(item, dict):
            raise _fail(path, where, "expected a mapping", "write {parent: …, children: [...]}")
        parent = _text(path, where, item.get("parent"), "parent")
        where = f"components[{i}] ({parent})"
        children = item.get("children")
        if not isinstance(children, list) or not children:
            raise _fail(path, where, "'children' must be a non-empty list", "write children: [A, B, C]")
        for child in children:
            gold.components.append((parent, _text(path, where, child, "children")))

    for i, item in enumerate(items("relations")):
        where = f"relations[{i}]"
        if not isinstance(item, list) or len(item) != 3:
            raise _fail(path, where, "expected [predicate, subject, object]", "write - [involves, 制造业提质, 洛轴]")
        pred, subj, obj = (_text(path, where, v, "relation") for v in item)
        if pred not in RELATION_PREDICATES:
            raise _fail(path, where, f"unknown predicate '{pred}'", f"use one of {', '.join(RELATION_PREDICATES)} (hasComponent goes under components)")
        gold.relations.append((pred, subj, obj))

    for i, item in enumerate(items("measurements")):
        where = f"measurements[{i}]"
        if not isinstance(item, dict):
            raise _fail(path, where, "expected a mapping", "write {indicator: …, value: …, unit: …, year: …, target: true|false}")
        indicator = _text(path, where, item.get("indicator"), "indicator")
        where = f"measurements[{i}] ({indicator})"
        try:
            value = Decimal(str(item.get("value")).strip())
            if not value.is_finite():
                raise InvalidOperation
        except (InvalidOperation, ValueError) as exc:
            raise _fail(path, where, f"value {item.get('value')!r} is not a number", "write value: 8 or value: 412.6") from exc
        unit = _text(path, where, item.get("unit"), "unit")
        year_raw = item.get("year")
        year = None if year_raw is None else str(year_raw).strip()
        if year is not None and not re.fullmatch(r"\d{4}", year):
            raise _fail(path, where, f"year {year_raw!r} is not a four-digit year", "write year: 2021 or leave it out")
        target = item.get("target")
        if not isinstance(target, bool):
            raise _fail(path, where, "'target' must be true or false", "write target: true for a goal, false for an achieved figure")
        extra = sorted(set(map(str, item)) - {"indicator", "value", "unit", "year", "target"})
        if extra:
            raise _fail(path, where, f"unknown key '{extra[0]}'", "use only indicator, value, unit, year, target")
        gold.measurements.append(GoldMeasurement(indicator, value, unit, year, target))

    if not (gold.entities or gold.components or gold.relations or gold.measurements):
        raise _fail(path, "top level", "no entities, components, relations or measurements", "annotate at least one item")
    return gold


# --------------------------------------------------------------------------- predicted graph


@dataclass(frozen=True)
class PredEntity:
    iri: str
    label: str
    cls: str
    names: frozenset[str]


@dataclass(frozen=True)
class PredMeasurement:
    iri: str
    indicator: str
    indicator_names: frozenset[str]
    value: Decimal | None
    unit: str
    year: str | None
    target: bool | None


_RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".rdf": "xml", ".owl": "xml", ".jsonld": "json-ld"}
_SOURCE_SUFFIXES = {".txt", ".pdf", ".docx"}


def load_report_graph(path: Path) -> Graph:
    """A built graph file, or a report source built in memory with the pipeline."""
    suffix = path.suffix.lower()
    if not path.exists():
        raise InputError(f"{path}: no such file; give a built .ttl graph or a .txt/.pdf/.docx report")
    if suffix in _RDF_SUFFIXES:
        graph = Graph()
        try:
            graph.parse(path, format=_RDF_SUFFIXES[suffix])
        except Exception as exc:  # rdflib raises many parser-specific types
            raise InputError(f"{path}: not a readable RDF file ({exc.__class__.__name__}); rebuild it with kg build") from exc
        return graph
    if suffix in _SOURCE_SUFFIXES:
        try:
            from kg.api import build_graph
        except ImportError as exc:
            raise InputError(f"{path}: this kg cannot build reports yet; evaluate a built .ttl instead") from exc
        return build_graph(path)
    raise InputError(f"{path}: unknown report type '{suffix}'; give a .ttl graph or a .txt/.pdf/.docx report")


def _names(graph: Graph, node: URIRef) -> tuple[str, frozenset[str]]:
    labels = sorted(str(o) for o in graph.objects(node, RDFS.label))
    alts = [str(o) for o in graph.objects(node, SKOS.altLabel)]
    label = labels[0] if labels else str(node).rsplit("/", 1)[-1]
    names = {normalize_name(n) for n in (*labels, *alts)} or {normalize_name(label)}
    return label, frozenset(n for n in names if n)


def read_entities(graph: Graph) -> list[PredEntity]:
    """Nodes typed with a kg entity class; the most specific class wins."""
    found: dict[str, set[str]] = {}
    for cls in ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, KG[cls]):
            if isinstance(node, URIRef):
                found.setdefault(str(node), set()).add(cls)
    out: list[PredEntity] = []
    for iri in sorted(found):
        classes = found[iri]
        specific = sorted(c for c in classes if not any(SUPERCLASS.get(o) == c for o in classes))
        label, names = _names(graph, URIRef(iri))
        out.append(PredEntity(iri, label, specific[0], names))
    return out


def _edge_names(graph: Graph, cache: dict[str, tuple[str, frozenset[str]]], node: Any) -> tuple[str, frozenset[str]]:
    key = str(node)
    if key not in cache:
        cache[key] = _names(graph, node) if isinstance(node, URIRef) else (str(node), frozenset({normalize_name(str(node))}))
    return cache[key]


def read_edges(graph: Graph, predicate: str) -> list[tuple[str, frozenset[str], str, frozenset[str]]]:
    """(subject label, subject names, object label, object names) of every `predicate` triple."""
    cache: dict[str, tuple[str, frozenset[str]]] = {}
    out = []
    for s, o in sorted(graph.subject_objects(KG[predicate]), key=lambda so: (str(so[0]), str(so[1]))):
        sl, sn = _edge_names(graph, cache, s)
        ol, on = _edge_names(graph, cache, o)
        out.append((sl, sn, ol, on))
    return out


def read_measurements(graph: Graph) -> list[PredMeasurement]:
    out: list[PredMeasurement] = []
    for node in sorted(graph.subjects(RDF.type, KG.Measurement), key=str):
        ind = graph.value(node, KG.indicator)
        if isinstance(ind, URIRef):
            ind_label, ind_names = _names(graph, ind)
        else:
            ind_label = str(ind) if ind is not None else ""
            ind_names = frozenset({normalize_name(ind_label)})
        raw_value = graph.value(node, KG.value)
        try:
            value = Decimal(str(raw_value)) if raw_value is not None else None
        except InvalidOperation:
            value = None
        unit = graph.value(node, KG.unit)
        year = graph.value(node, KG.year)
        target = graph.value(node, KG.isTarget)
        target_bool = target.toPython() if isinstance(target, Literal) else None
        out.append(PredMeasurement(
            str(node), ind_label, ind_names, value,
            str(unit) if unit is not None else "",
            str(year)[:4] if year is not None else None,
            bool(target_bool) if target_bool is not None else None,
        ))
    return out


# --------------------------------------------------------------------------- matching


def _match(n_gold: int, n_pred: int, ok: Callable[[int, int], bool]) -> dict[int, int]:
    """Maximum one-to-one matching (Kuhn's augmenting paths); gold index → predicted index."""
    candidates = [[j for j in range(n_pred) if ok(i, j)] for i in range(n_gold)]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(n_gold):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass
class Score:
    """Counts of one row of the table; `scored` is False when the gold does not annotate it."""

    category: str
    gold: int = 0
    pred: int = 0
    tp: int = 0
    scored: bool = True
    tp_pred: int | None = None  # matched predicted items, when it differs from tp (class rows)

    @property
    def precision(self) -> float | None:
        if not self.scored:
            return None
        if not self.pred:
            return None  # nothing predicted: precision is undefined, not perfect
        return (self.tp if self.tp_pred is None else self.tp_pred) / self.pred

    @property
    def recall(self) -> float | None:
        return self.tp / self.gold if self.gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "category": self.category, "gold": self.gold, "predicted": self.pred, "matched": self.tp,
            "precision": self.precision, "recall": self.recall, "f1": self.f1, "scored": self.scored,
        }


@dataclass
class EvalResult:
    """Scores plus the itemised misses, false positives and near misses of one evaluation."""

    gold_path: str
    report_path: str
    rows: list[Score]
    overall: Score
    misses: dict[str, list[str]]
    false_positives: dict[str, list[str]]
    near_misses: dict[str, list[str]]
    junk: list[str]
    junk_checked: int

    @property
    def junk_rate(self) -> float:
        return len(self.junk) / self.junk_checked if self.junk_checked else 0.0

    def row(self, category: str) -> Score:
        for row in self.rows:
            if row.category == category:
                return row
        raise KeyError(category)

    def as_dict(self) -> dict[str, Any]:
        return {
            "gold": self.gold_path, "report": self.report_path,
            "rows": [r.as_dict() for r in self.rows], "overall": self.overall.as_dict(),
            "misses": self.misses, "false_positives": self.false_positives,
            "near_misses": self.near_misses,
            "junk": {"rate": self.junk_rate, "checked": self.junk_checked, "items": self.junk},
        }


NAME_ENDINGS: tuple[str, ...] = (
    "路", "街", "道", "园", "区", "港", "城", "镇", "村", "河", "渠", "湖", "桥", "中心", "基地",
)


def is_junk(label: str) -> bool:
    """A label that reads like a clause or fragment, not a name (建设路 is a road, not a verb)."""
    name = normalize_name(label)
    if len(name) > 20 or any(c in name for c in "，。；"):
        return True
    return name.startswith(JUNK_VERBS) and not name.endswith(NAME_ENDINGS)


def _fmt_value(value: Decimal | None) -> str:
    if value is None:
        return "?"
    text = format(value.normalize(), "f")
    return text


def _gold_meas_str(m: GoldMeasurement) -> str:
    kind = "target" if m.target else "actual"
    return f"{m.indicator} = {_fmt_value(m.value)} {m.unit} ({m.year or 'any year'}, {kind})"


def _pred_meas_str(m: PredMeasurement) -> str:
    kind = {True: "target", False: "actual", None: "?"}[m.target]
    return f"{m.indicator} = {_fmt_value(m.value)} {m.unit} ({m.year or 'no year'}, {kind})"


def _unit(text: str) -> str:
    return normalize_name(text).replace("％", "%")


def evaluate_graph(gold: Gold, graph: Graph, report_path: str = "") -> EvalResult:
    """Score `graph` against `gold`; see docs/gold-format.md for every rule applied."""
    rows: list[Score] = []
    misses: dict[str, list[str]] = {}
    fps: dict[str, list[str]] = {}
    near: dict[str, list[str]] = {}

    # entities
    preds = read_entities(graph)
    gold_names = [frozenset(normalize_name(n) for n in (g.name, *g.aliases)) for g in gold.entities]
    ent_match = _match(
        len(gold.entities), len(preds),
        lambda i, j: bool(gold_names[i] & preds[j].names) and _classes_compatible(gold.entities[i].type, preds[j].cls),
    )
    matched_pred = set(ent_match.values())
    gold_classes = {g.type for g in gold.entities}
    scored_classes = gold_classes | {SUPERCLASS[c] for c in gold_classes if c in SUPERCLASS} | {
        c for c, sup in SUPERCLASS.items() if sup in gold_classes
    }
    ent_total = Score("entities", scored=bool(gold.entities))
    typed = Score("entities/typed", scored=any(c in scored_classes for c in TYPED_CLASSES))
    class_rows: list[Score] = []
    for cls in ENTITY_CLASSES:
        g_idx = [i for i, g in enumerate(gold.entities) if g.type == cls]
        p_idx = [j for j, p in enumerate(preds) if p.cls == cls]
        if not g_idx and not p_idx:
            continue
        scored = cls in scored_classes
        row = Score(
            f"entities/{cls}", gold=len(g_idx), pred=len(p_idx) if scored else 0,
            tp=sum(1 for i in g_idx if i in ent_match),
            tp_pred=sum(1 for j in p_idx if j in matched_pred) if scored else 0, scored=scored,
        )
        class_rows.append(row)
        for total in (ent_total, typed) if cls in TYPED_CLASSES else (ent_total,):
            total.gold += row.gold
            total.pred += row.pred
            total.tp += row.tp
            total.tp_pred = (total.tp_pred or 0) + (row.tp_pred or 0)
    rows.append(ent_total)
    if typed.gold or typed.pred:
        rows.append(typed)
    rows.extend(class_rows)
    misses["entities"] = []
    for i, g in enumerate(gold.entities):
        if i in ent_match:
            continue
        wrong = [p for j, p in enumerate(preds) if gold_names[i] & p.names and j not in matched_pred]
        if wrong:
            near.setdefault("entities", []).append(
                f"{g.name} [{g.type}] is typed {', '.join(sorted({p.cls for p in wrong}))} ({wrong[0].label})"
            )
        misses["entities"].append(f"{g.name} [{g.type}]")
    fps["entities"] = [
        f"{p.label} [{p.cls}]" for j, p in enumerate(preds) if j not in matched_pred and p.cls in scored_classes
    ]

    # components and relations: edges matched by names at both ends
    def score_edges(category: str, gold_edges: Sequence[tuple[str, str]], predicate: str, scored: bool) -> None:
        edges = read_edges(graph, predicate)
        g_sets = [(gold.names_of(s), gold.names_of(o)) for s, o in gold_edges]
        m = _match(len(gold_edges), len(edges), lambda i, j: bool(g_sets[i][0] & edges[j][1]) and bool(g_sets[i][1] & edges[j][3]))
        row = Score(category, gold=len(gold_edges), pred=len(edges) if scored else 0, tp=len(m), scored=scored)
        rows.append(row)
        misses[category] = [f"{s} → {o}" for i, (s, o) in enumerate(gold_edges) if i not in m]
        used = set(m.values())
        fps[category] = [f"{e[0]} → {e[2]}" for j, e in enumerate(edges) if j not in used] if scored else []

    score_edges("components", gold.components, "hasComponent", bool(gold.components))
    rel_rows_start = len(rows)
    for pred_name in RELATION_PREDICATES:
        gold_edges = [(s, o) for p, s, o in gold.relations if p == pred_name]
        if gold_edges or any(True for _ in graph.subject_objects(KG[pred_name])):
            score_edges(f"relations/{pred_name}", gold_edges, pred_name, bool(gold_edges))
    rel_total = Score("relations", scored=bool(gold.relations))
    for row in rows[rel_rows_start:]:
        rel_total.gold += row.gold
        rel_total.pred += row.pred
        rel_total.tp += row.tp
    rows.insert(rel_rows_start, rel_total)

    # measurements
    pms = read_measurements(graph)
    gms = gold.measurements

    def same_numbers(g: GoldMeasurement, p: PredMeasurement) -> bool:
        return p.value is not None and p.value == g.value and _unit(p.unit) == _unit(g.unit)

    def full(i: int, j: int) -> bool:
        g, p = gms[i], pms[j]
        return (
            same_numbers(g, p)
            and (g.year is None or g.year == p.year)
            and p.target is g.target
            and any(indicator_overlap(g.indicator, n) for n in (p.indicator_names or {p.indicator}))
        )

    mm = _match(len(gms), len(pms), full)
    used = set(mm.values())
    meas_scored = bool(gms)
    rows.append(Score("measurements", gold=len(gms), pred=len(pms) if meas_scored else 0, tp=len(mm), scored=meas_scored))
    misses["measurements"] = []
    for i, g in enumerate(gms):
        if i in mm:
            continue
        misses["measurements"].append(_gold_meas_str(g))
        close = [p for j, p in enumerate(pms) if j not in used and same_numbers(g, p)]
        if close:
            p = close[0]
            what = []
            if not any(indicator_overlap(g.indicator, n) for n in (p.indicator_names or {p.indicator})):
                what.append(f"indicator {p.indicator}")
            if g.year is not None and g.year != p.year:
                what.append(f"year {p.year}")
            if p.target is not g.target:
                what.append("target" if p.target else "actual")
            near.setdefault("measurements", []).append(f"{_gold_meas_str(g)} found with {', '.join(what)}")
    fps["measurements"] = [_pred_meas_str(p) for j, p in enumerate(pms) if j not in used] if meas_scored else []

    overall = Score("overall", tp_pred=0)
    for row in rows:
        if row.category in ("entities", "components", "relations", "measurements"):
            overall.gold += row.gold
            overall.tp += row.tp
            if row.scored:
                overall.pred += row.pred
                overall.tp_pred = (overall.tp_pred or 0) + (row.tp if row.tp_pred is None else row.tp_pred)

    checked = [p for p in preds if p.cls in JUNK_CHECKED]
    junk = [f"{p.label} [{p.cls}]" for p in checked if is_junk(p.label)]
    return EvalResult(str(gold.path), report_path, rows, overall, misses, fps, near, junk, len(checked))


def evaluate(gold_path: Path, report_path: Path) -> EvalResult:
    """Load the gold and the report's graph (building it if a source file is given) and score."""
    gold = load_gold(gold_path)
    graph = load_report_graph(report_path)
    return evaluate_graph(gold, graph, str(report_path))


# --------------------------------------------------------------------------- output


def _pct(x: float | None) -> str:
    return "   –  " if x is None else f"{x:6.3f}"


def format_table(result: EvalResult, show: str = "misses") -> str:
    """A plain-text table, then the itemised lists that `show` asks for."""
    lines = [f"gold: {result.gold_path}", f"report: {result.report_path}", ""]
    lines.append(f"{'category':<28}{'gold':>6}{'pred':>6}{'match':>7}  {'P':>6}  {'R':>6}  {'F1':>6}")
    lines.append("-" * 72)
    for row in [*result.rows, result.overall]:
        indent = "  " if "/" in row.category else ""
        p = row.precision if row.scored else None
        pred = str(row.pred) if row.scored else "–"
        lines.append(
            f"{indent + row.category:<28}{row.gold:>6}{pred:>6}{row.tp:>7}  {_pct(p)}  {_pct(row.recall)}  {_pct(row.f1 if row.scored else None)}"
        )
    lines.append("-" * 72)
    lines.append(f"junk entities: {len(result.junk)}/{result.junk_checked} = {result.junk_rate:.1%}")

    def section(title: str, groups: dict[str, list[str]]) -> None:
        for cat, items in groups.items():
            if items:
                lines.append("")
                lines.append(f"{title} — {cat} ({len(items)}):")
                lines.extend(f"  {it}" for it in items)

    if show in ("misses", "all"):
        section("misses", result.misses)
        section("near misses", result.near_misses)
    if show in ("fp", "all"):
        section("false positives", result.false_positives)
        if result.junk:
            section("junk", {"entities": result.junk})
    return "\n".join(lines)


def format_json(result: EvalResult, show: str = "misses") -> str:
    data = result.as_dict()
    if show not in ("misses", "all"):
        data.pop("misses")
        data.pop("near_misses")
    if show not in ("fp", "all"):
        data.pop("false_positives")
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)


# --------------------------------------------------------------------------- graph content


def content_signature(graph: Graph) -> frozenset[tuple[str, ...]]:
    """What a graph says, without offsets, mentions or source checksums.

    Why: the graph of a PDF-debris variant must equal the graph of the clean text except for
    character offsets; comparing these signatures shows exactly which facts differ.
    """
    out: set[tuple[str, ...]] = set()
    for ent in read_entities(graph):
        out.add(("entity", ent.cls, ent.label))
        for name in sorted(ent.names):
            out.add(("name", ent.label, name))
    for pred in RELATIONS:
        for s_label, _, o_label, _ in read_edges(graph, pred):
            out.add((pred, s_label, o_label))
    for m in read_measurements(graph):
        out.add(("measurement", m.indicator, _fmt_value(m.value), m.unit, m.year or "", str(m.target)))
    return frozenset(out)
