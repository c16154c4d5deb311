"""Validate a built graph: SHACL shapes (ontology/shapes.ttl) plus the offset guarantee.

SHACL checks the layout docs/graph.md promises (labels, provenance links, measurement
fields, relation ranges). The one promise SHACL Core cannot state, that every mention's
and sentence's ``kg:text`` is exactly ``report_text[start:end]``, is checked here in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.errors import InputError
from kg.resources import ontology_path
from kg.vocab import KG, PREFIXES


@dataclass
class ValidationResult:
    """Outcome of validating one graph; ``conforms`` only if both checks found nothing."""

    conforms: bool
    violations: list[str] = field(default_factory=list)
    offset_errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        """One line for the CLI."""
        if self.conforms:
            return "conforms"
        return (
            f"does not conform: {len(self.violations)} SHACL violation(s), "
            f"{len(self.offset_errors)} offset error(s)"
        )


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    path = ontology_path("shapes.ttl")
    return Graph().parse(path, format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ontology_path("kg.ttl"), format="turtle")


def _short(graph: Graph, node: Node | None) -> str:
    """A node as a prefixed name where possible, so messages stay one short line."""
    if node is None:
        return "-"
    if isinstance(node, URIRef):
        for prefix, ns in PREFIXES.items():
            if str(node).startswith(ns):
                return f"{prefix}:{str(node)[len(ns):]}"
        return f"<{node}>"
    if isinstance(node, Literal):
        text = str(node)
        if node.datatype is not None and node.datatype != XSD.string:
            return text  # a number, boolean or date reads fine unquoted
        return repr(text if len(text) <= 40 else text[:37] + "...")
    # A blank node path (sequence, inverse …): rdflib can render it as SPARQL-like text.
    return node.n3(graph.namespace_manager)


def _shacl_violations(graph: Graph) -> list[str]:
    from pyshacl import validate as shacl_validate

    # inference="none": the ontology is mixed into the data graph, and pySHACL follows
    # rdfs:subClassOf for class targets and sh:class itself, so Enterprise counts as an
    # Organization without the cost of full RDFS materialisation.
    conforms, report, _text = shacl_validate(
        graph,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        abort_on_first=False,
        allow_warnings=True,
        advanced=False,
    )
    if conforms:
        return []
    assert isinstance(report, Graph)
    out: list[str] = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = report.value(result, SH.resultSeverity)
        if severity is not None and severity != SH.Violation:
            continue
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = report.value(result, SH.resultMessage)
        line = f"{_short(graph, focus)} {_short(report, path)}: {message}"
        if value is not None and value != focus:
            line += f" (value {_short(graph, value)})"
        out.append(line)
    return sorted(set(out))


def _int(node: Node | None) -> int | None:
    if isinstance(node, Literal):
        value = node.toPython()
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def offset_errors(graph: Graph) -> list[str]:
    """Every Mention/Sentence whose kg:text is not its report's kg:text[start:end]."""
    texts: dict[Node, str] = {}
    for report, text in graph.subject_objects(KG.text):
        if (report, RDF.type, KG.Report) in graph:
            texts[report] = str(text)
    errors: list[str] = []
    spans: Iterable[Node] = sorted(
        set(graph.subjects(RDF.type, KG.Mention)) | set(graph.subjects(RDF.type, KG.Sentence))
    )
    for node in spans:
        name = _short(graph, node)
        quoted = graph.value(node, KG.text)
        start, end = _int(graph.value(node, KG.start)), _int(graph.value(node, KG.end))
        report = graph.value(node, KG.inReport)
        if quoted is None or start is None or end is None or report is None:
            errors.append(f"{name}: needs kg:text, integer kg:start and kg:end and kg:inReport")
            continue
        if report not in texts:
            errors.append(f"{name}: its report {_short(graph, report)} has no kg:text")
            continue
        full = texts[report]
        if not 0 <= start < end <= len(full):
            errors.append(
                f"{name}: offsets [{start}, {end}) are not a non-empty range of the report text"
                f" (length {len(full)})"
            )
            continue
        if full[start:end] != str(quoted):
            errors.append(
                f"{name}: kg:text {_short(graph, quoted)} != report text[{start}:{end}] "
                f"{_short(graph, Literal(full[start:end]))}"
            )
    return errors


def validate(graph: Graph) -> ValidationResult:
    """Check a graph against the shapes and the offset guarantee."""
    violations = _shacl_violations(graph)
    offsets = offset_errors(graph)
    return ValidationResult(
        conforms=not violations and not offsets, violations=violations, offset_errors=offsets
    )


def load_turtle(path: Path) -> Graph:
    """Parse a Turtle file; raise InputError naming the file when it cannot be read."""
    if path.is_dir():
        raise InputError(f"{path}: is a folder; name the Turtle files, e.g. {path}/*.ttl")
    if not path.is_file():
        raise InputError(f"{path}: no such Turtle file; run `kg build` first or check the path")
    try:
        return Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises many parser error types
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise InputError(f"{path}: not valid Turtle ({reason}); rebuild it with `kg build`") from None


def validate_file(path: Path) -> ValidationResult:
    """Validate one Turtle file."""
    return validate(load_turtle(path))


