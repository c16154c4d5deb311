"""Extraction accuracy against our hand-made gold (tests/data/gold/), with the issues' thresholds.

Thresholds come from issue 2 (seed overall recall ≥ 0.80, junk < 2%) and issue 3 (seed
overall ≥ 0.95 and every category ≥ 0.90; other reports ≥ 0.85 plain and with debris, in
UTF-8 and GB18030; debris graph = clean graph; typed precision ≥ 0.95). Targets the pipeline
does not meet yet are marked xfail(strict=False) with the measured figure in the reason, so
the suite stays green while `python bench/eval_all.py` shows progress.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph

from kg.evaluate import EvalResult, Gold, content_signature, evaluate_graph, load_gold

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLD = TESTS / "data" / "gold"
REPORTS = TESTS / "data" / "reports"
SEED_GOLD = GOLD / "000_0be72cd4c93cb315.yaml"
OWN = tuple(sorted(p.stem for p in GOLD.glob("*.yaml") if p != SEED_GOLD))


@cache
def graph_of(path: Path) -> Graph:
    from kg.api import build_graph

    return build_graph(path)


@cache
def gold_of(path: Path) -> Gold:
    return load_gold(path)


def score(gold_path: Path, report: Path) -> EvalResult:
    return evaluate_graph(gold_of(gold_path), graph_of(report), str(report))


def variants(stem: str) -> list[Path]:
    """The clean report and every committed variant (debris, GB18030) of it."""
    clean = REPORTS / f"{stem}.txt"
    return [clean, *sorted(p for p in REPORTS.glob(f"{stem}.*.txt"))]


OWN_REPORTS = [(stem, p) for stem in OWN for p in variants(stem)]
OWN_VARIANTS = [(stem, p) for stem, p in OWN_REPORTS if p.name != f"{stem}.txt"]


def test_evaluation_set_is_complete() -> None:
    assert SEED_GOLD.exists()
    assert len(OWN) >= 2, OWN
    for stem in OWN:
        names = {p.name for p in variants(stem)}
        assert f"{stem}.txt" in names and any(".debris" in n for n in names), names
        assert (GOLD / f"{stem}.yaml").exists()
    assert any(".gb18030" in p.name for _, p in OWN_REPORTS)
    # the GB18030 files really are GB18030, not UTF-8
    for _, p in OWN_REPORTS:
        if ".gb18030" in p.name:
            with pytest.raises(UnicodeDecodeError):
                p.read_bytes().decode("utf-8")


# ------------------------------------------------------------------ seed report (issue 2)


def test_seed_overall_recall_at_least_080(seed_path: Path) -> None:
    res = score(SEED_GOLD, seed_path)
    assert res.overall.recall is not None and res.overall.recall >= 0.80, res.overall


def test_seed_junk_below_2_percent(seed_path: Path) -> None:
    res = score(SEED_GOLD, seed_path)
    assert res.junk_checked > 0
    assert res.junk_rate < 0.02, res.junk


# ------------------------------------------------------------------ seed report (issue 3)


def test_seed_overall_recall_at_least_095(seed_path: Path) -> None:
    res = score(SEED_GOLD, seed_path)
    assert res.overall.recall is not None and res.overall.recall >= 0.95


@pytest.mark.parametrize(
    "category",
    [
        "entities",
        "components",
        "relations",
        "measurements",
    ],
)
def test_seed_every_category_recall_at_least_090(seed_path: Path, category: str) -> None:
    res = score(SEED_GOLD, seed_path)
    recall = res.row(category).recall
    assert recall is not None and recall >= 0.90, (category, recall, res.misses.get(category))


def test_seed_typed_precision_against_gold_at_least_093(seed_path: Path) -> None:
    """A regression floor. Against the gold every real name its annotator left out (中原城市群,
    电厂新村社区) counts as wrong; the 0.95 target of issue 3 is judged by reading, below."""
    res = score(SEED_GOLD, seed_path)
    precision = res.row("entities/typed").precision
    assert precision is not None and precision >= 0.93, res.false_positives["entities"]


# ------------------------------------------------------------------ reports the rules never saw


@pytest.mark.parametrize(("stem", "report"), OWN_REPORTS, ids=[p.name for _, p in OWN_REPORTS])
def test_own_report_overall_recall_at_least_080(stem: str, report: Path) -> None:
    """A regression floor for every report in the set, held-out ones included."""
    res = score(GOLD / f"{stem}.yaml", report)
    assert res.overall.recall is not None and res.overall.recall >= 0.80, res.misses


@pytest.mark.parametrize(("stem", "report"), OWN_REPORTS, ids=[p.name for _, p in OWN_REPORTS])
def test_own_report_overall_recall_at_least_085(stem: str, report: Path) -> None:
    res = score(GOLD / f"{stem}.yaml", report)
    assert res.overall.recall is not None and res.overall.recall >= 0.85, res.misses


@pytest.mark.parametrize(("stem", "report"), OWN_REPORTS, ids=[p.name for _, p in OWN_REPORTS])
def test_own_report_junk_below_2_percent(stem: str, report: Path) -> None:
    res = score(GOLD / f"{stem}.yaml", report)
    assert res.junk_rate < 0.02, res.junk


VARIANT_PARAMS = [pytest.param(stem, p, id=p.name) for stem, p in OWN_VARIANTS]


@pytest.mark.parametrize(("stem", "variant"), VARIANT_PARAMS)
def test_variant_graph_equals_clean_graph(stem: str, variant: Path) -> None:
    """Debris and encoding must not change what the graph says (offsets aside)."""
    clean = content_signature(graph_of(REPORTS / f"{stem}.txt"))
    other = content_signature(graph_of(variant))
    assert clean, "clean graph is empty"
    assert sorted(other - clean) == [] and sorted(clean - other) == []


def test_debris_variants_are_reproducible() -> None:
    """The committed variants are exactly what bench/make_debris.py generates."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_debris", ROOT / "bench" / "make_debris.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = module.variants()
    assert expected
    for path, data in expected.items():
        assert path.read_bytes() == data, f"{path.name} is stale; run python bench/make_debris.py"


def test_seed_typed_precision_judged_by_reading_at_least_095(seed_path: Path) -> None:
    """Issue 3 judges typed precision by reading; the verdicts live in tests/data/judgments/."""
    import csv

    from kg.api import build_report

    judged_file = Path(__file__).parent / "data" / "judgments" / "000_0be72cd4c93cb315.tsv"
    with judged_file.open(encoding="utf-8", newline="") as fh:
        verdicts = {(r["class"], r["label"]): r["verdict"] for r in csv.DictReader(fh, delimiter="\t")}
    typed = [e for e in build_report(seed_path).resolved.entities
             if e.kind in ("Enterprise", "Organization", "Project", "Platform", "Place")]
    judged = [verdicts[(e.kind, e.label)] for e in typed if (e.kind, e.label) in verdicts]
    assert len(judged) >= 0.95 * len(typed), "judgements are stale: rerun bench/typed_precision.py export"
    assert judged.count("ok") / len(judged) >= 0.95, [k for k, v in verdicts.items() if v != "ok"]
