"""The public API the CLI wraps: build one report or many, in memory or to files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.build import build_graph as _build
from kg.build import report_id
from kg.errors import InputError
from kg.extract import extract
from kg.ingest.load import load_document
from kg.ingest.readers import READERS
from kg.model import Document, Warning
from kg.resolve import Resolved, resolve
from kg.resources import ontology_path
from kg.serialize import to_turtle, write_atomic


@dataclass
class BuildResult:
    doc: Document
    resolved: Resolved
    graph: Graph
    files: list[Path] = field(default_factory=list)

    @property
    def warnings(self) -> list[Warning]:
        return self.resolved.warnings

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for e in self.resolved.entities:
            counts[e.kind] = counts.get(e.kind, 0) + 1
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(counts.items()))
        where = self.files[0].parent if self.files else "memory"
        return (
            f"{self.doc.source.name}: {len(self.graph)} triples, {len(self.resolved.entities)} entities "
            f"({kinds}), {len(self.resolved.links)} relations, {len(self.resolved.measurements)} measurements, "
            f"{len(self.warnings)} warnings → {where}"
        )


def default_inputs(folder: Path = Path("data")) -> list[Path]:
    """Every report file in ``data/`` (the bundled reports)."""
    if not folder.is_dir():
        raise InputError(f"{folder}/: no such folder; pass report files, e.g. kg build report.txt")
    paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in READERS and p.is_file())
    if not paths:
        raise InputError(f"{folder}/: no report files (.txt, .pdf, .docx); add one or pass a path")
    return paths


def build_report(path: Path) -> BuildResult:
    doc = load_document(path)
    res = resolve(doc, extract(doc))
    return BuildResult(doc, res, _build(doc, res))


def build_graph(path: Path) -> Graph:
    """The graph of one report, in memory (used by ``kg eval`` on a source file)."""
    return build_report(path).graph


def review_markdown(result: BuildResult, threshold: float = 0.7) -> str:
    """What a human should check: slogan-count mismatches and low-confidence items."""
    doc, res = result.doc, result.resolved
    lines = [f"# Review: {doc.source.name}", ""]
    lines.append("## Warnings")
    for w in sorted(res.warnings, key=lambda w: (w.offset or 0, w.message)):
        lines.append(f"- [{w.kind}] {w.message}" + (f" (offset {w.offset})" if w.offset is not None else ""))
    if not res.warnings:
        lines.append("- none")
    lines += ["", f"## Entities with confidence below {threshold}"]
    low = [e for e in res.entities if e.confidence < threshold]
    for e in low:
        rules = sorted({m.rule for m in e.mentions})
        lines.append(f"- {e.label} ({e.kind}, {e.confidence:.2f}; rules: {', '.join(rules)})")
    if not low:
        lines.append("- none")
    lines += ["", f"## Relations with confidence below {threshold}"]
    ids = res.by_id()
    lowl = [link for link in res.links if link.confidence < threshold]
    for link in lowl:
        lines.append(
            f"- {ids[link.subject].label} —{link.predicate}→ {ids[link.object].label} "
            f"({link.rule}, {link.confidence:.2f}): “{link.evidence.text}” at {link.evidence.start}"
        )
    if not lowl:
        lines.append("- none")
    return "\n".join(lines) + "\n"


def build_reports(paths: list[Path], output: Path, html: bool = True) -> list[BuildResult]:
    """Build every report in memory first, then write all files atomically: a bad input
    fails the run before anything is written, so earlier outputs stay intact."""
    results = [build_report(p) for p in paths]
    ids = [report_id(r.doc) for r in results]
    if len(set(ids)) != len(ids):
        dup = next(i for i in ids if ids.count(i) > 1)
        raise InputError(f"two inputs describe the same report ({dup}); pass each report once")
    outputs: list[tuple[Path, str]] = [(output / "kg.ttl", ontology_path().read_text(encoding="utf-8"))]
    for r in results:
        stem = r.doc.doc_id
        files = [
            (output / f"{stem}.ttl", to_turtle(r.graph)),
            (output / f"{stem}.txt", r.doc.text),
            (output / f"{stem}.review.md", review_markdown(r)),
        ]
        if html:
            from kg.render import render_html

            files.append((output / f"{stem}.html", render_html(r.graph, title=f"{r.doc.metadata.region or stem} {r.doc.metadata.title}")))
        r.files = [f for f, _ in files]
        outputs.extend(files)
    for path, data in outputs:
        write_atomic(path, data)
    return results
