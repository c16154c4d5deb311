"""SPARQL over report graphs with an embedded pyoxigraph store.

Each report file is loaded into its own named graph (the graph IRI is the file's kg:Report
node) and the ontology into <https://w3id.org/gwr-kg/ontology>; queries see the union of
all graphs as their default graph, so `?x a/rdfs:subClassOf* kg:Organization` works and the
same queries run unchanged against `kg serve` (started with --union-default-graph).
pyoxigraph is used rather than rdflib's engine because it is 20–30× faster on these graphs.
"""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import InputError, QueryError
from kg.resources import ontology_path, package_file
from kg.vocab import KG, ONTOLOGY_IRI, PREFIXES

ONTOLOGY_GRAPH = ox.NamedNode(ONTOLOGY_IRI)
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
KG_REPORT = ox.NamedNode(str(KG.Report))
TABLE_CELL_MAX = 80  # display columns; csv/tsv/json give full values

# ------------------------------------------------------------------------------ loading




def _one_line(text: str, limit: int = 300) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def read_triples(path: Path) -> list[ox.Triple]:
    """All triples of a Turtle file; a missing or malformed file is an InputError."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file; pass a Turtle file written by `kg build`")
    try:
        return list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise InputError(
            f"{path}: not valid Turtle ({_one_line(str(exc))}); rebuild it with `kg build`"
        ) from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def report_graph(triples: Iterable[ox.Triple], path: Path) -> ox.NamedNode | ox.DefaultGraph:
    """The named graph a file's triples go into: its kg:Report node, else the default graph."""
    reports = sorted(
        {t.subject.value for t in triples if t.predicate == RDF_TYPE and t.object == KG_REPORT}
    )
    if len(reports) > 1:
        raise InputError(
            f"{path}: holds {len(reports)} kg:Report nodes; pass one file per report"
            " as `kg build` writes them"
        )
    return ox.NamedNode(reports[0]) if reports else ox.DefaultGraph()


@dataclass
class Dataset:
    """Quads grouped by graph, in a deterministic order, plus where each graph came from."""

    graphs: dict[str, list[ox.Triple]] = field(default_factory=dict)  # "" = default graph
    sources: dict[str, Path] = field(default_factory=dict)

    def quads(self) -> list[ox.Quad]:
        """Every quad, sorted (graph, subject, rdf:type first, predicate, object)."""
        out: list[ox.Quad] = []
        for name in sorted(self.graphs):
            graph = ox.NamedNode(name) if name else ox.DefaultGraph()
            out.extend(ox.Quad(t.subject, t.predicate, t.object, graph)
                       for t in sort_triples(self.graphs[name]))
        return out

    def triples(self, *, include_ontology: bool = True) -> list[ox.Triple]:
        """All triples merged into one graph, sorted and without duplicates."""
        merged: set[ox.Triple] = set()
        for name, triples in self.graphs.items():
            if include_ontology or name != ONTOLOGY_IRI:
                merged.update(triples)
        return sort_triples(merged)


def _triple_key(t: ox.Triple) -> tuple[str, int, str, str]:
    return (str(t.subject), 0 if t.predicate == RDF_TYPE else 1, str(t.predicate), str(t.object))


def sort_triples(triples: Iterable[ox.Triple]) -> list[ox.Triple]:
    """Deterministic order so every serialization is byte-identical on rebuild."""
    return sorted(set(triples), key=_triple_key)


def load_dataset(paths: Sequence[Path], *, ontology: bool = True) -> Dataset:
    """Read report files into one named graph per report (and the ontology into its own)."""
    data = Dataset()
    onto = ontology_path().resolve()
    for path in paths:
        if ontology and Path(path).resolve() == onto:
            continue  # loaded below, into its own graph
        triples = read_triples(Path(path))
        graph = report_graph(triples, Path(path))
        name = graph.value if isinstance(graph, ox.NamedNode) else ""
        if name and name in data.sources:
            raise InputError(
                f"{path}: report {name} is also in {data.sources[name]}; pass each report once"
            )
        data.graphs.setdefault(name, []).extend(triples)
        data.sources.setdefault(name, Path(path))
    if ontology:
        data.graphs[ONTOLOGY_IRI] = read_triples(onto)
        data.sources[ONTOLOGY_IRI] = onto
    return data


def open_store(paths: Sequence[Path], *, ontology: bool = True) -> ox.Store:
    """An in-memory store holding the reports (one named graph each) and the ontology."""
    store = ox.Store()
    store.extend(load_dataset(paths, ontology=ontology).quads())
    return store


# ------------------------------------------------------------------------------ queries

_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")
_COMMENT_OR_STRING = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*'
)
_PROLOGUE = re.compile(r"^\s*(?:PREFIX\s+[^\s:]*:\s*|BASE\s*)", re.IGNORECASE)


def update_keyword(query: str) -> str | None:
    """The leading update keyword (INSERT, DELETE …) of a SPARQL update, None for a query."""
    text = _COMMENT_OR_STRING.sub(lambda m: " " if m.group().startswith(("#", '"', "'")) else " <> ", query)
    while True:
        match = _PROLOGUE.match(text)
        if not match:
            break
        text = text[match.end():].lstrip()
        text = text[2:] if text.startswith("<>") else text
    word = re.match(r"\s*([A-Za-z]+)", text)
    if word and word.group(1).upper() in _UPDATE_WORDS:
        return word.group(1).upper()
    return None


def _syntax_error(exc: Exception, what: str) -> QueryError:
    message = _one_line(str(exc))
    found = re.match(r"error at (\d+):(\d+): (.*)", message)
    if found:
        line, col, rest = found.groups()
        message = f"syntax error at line {line}, column {col}: {rest}"
    return QueryError(f"{what}: {message}")


_VALUES = re.compile(r"VALUES\s+\?(\w+)\s*\{([^{}]*)\}", re.IGNORECASE)


def query_params(query: str) -> dict[str, str]:
    """Parameters of a query: each `VALUES ?var { … }` block, with its default contents."""
    return {m.group(1): " ".join(m.group(2).split()) for m in _VALUES.finditer(query)}


def _sparql_string(value: str) -> str:
    escaped = (value.replace("\\", "\\\\").replace('"', '\\"')
               .replace("\n", "\\n").replace("\r", "\\r"))
    return f'"{escaped}"'


def apply_params(query: str, params: Sequence[tuple[str, str]], what: str = "query") -> str:
    """Replace `VALUES ?var { … }` blocks by the given values (several values per var allowed).

    Values always go in as escaped string literals, so a parameter can never inject SPARQL.
    """
    if not params:
        return query
    known = query_params(query)
    wanted: dict[str, list[str]] = {}
    for name, value in params:
        if name not in known:
            have = ", ".join(sorted(known)) or "none"
            raise QueryError(
                f"{what}: no parameter {name!r} (no `VALUES ?{name} {{…}}` block); its parameters: {have}"
            )
        wanted.setdefault(name, []).append(value)

    def swap(match: re.Match[str]) -> str:
        var = match.group(1)
        if var not in wanted:
            return match.group(0)
        return f"VALUES ?{var} {{ {' '.join(_sparql_string(v) for v in wanted[var])} }}"

    return _VALUES.sub(swap, query)


def parse_param(text: str) -> tuple[str, str]:
    """'name=值' → ('name', '值'); the value may contain '='."""
    name, sep, value = text.partition("=")
    if not sep or not re.fullmatch(r"\w+", name.strip()):
        raise QueryError(f"--param {text!r}: expected NAME=VALUE, e.g. --param name=洛轴")
    return name.strip(), value


@dataclass(frozen=True)
class NamedQuery:
    """A shipped competency question: kg/queries/NAME.rq, first line `# the question`."""

    name: str
    question: str
    text: str

    @property
    def params(self) -> dict[str, str]:
        return query_params(self.text)


def named_queries() -> dict[str, NamedQuery]:
    """Every shipped named query, by name (file stem)."""
    folder = package_file("queries")
    out: dict[str, NamedQuery] = {}
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        out[path.stem] = NamedQuery(path.stem, first.lstrip("#").strip(), text)
    return out


def named_query(name: str) -> NamedQuery:
    queries = named_queries()
    if name not in queries:
        raise QueryError(
            f"no named query {name!r}; `kg query --list` shows them: {', '.join(queries)}"
        )
    return queries[name]


@dataclass
class Result:
    """A query's answer: variables and rows (SELECT), a boolean (ASK) or triples (graphs)."""

    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[list[ox.NamedNode | ox.BlankNode | ox.Literal | None]] = field(default_factory=list)
    boolean: bool = False
    triples: list[ox.Triple] = field(default_factory=list)


def run_query(store: ox.Store, query: str, *, allow_update: bool = False,
              what: str = "query") -> Result:
    """Run a SPARQL query (or, with allow_update, an update) with kg's prefixes predeclared.

    An update runs on an in-memory copy with all reports merged into the default graph; the
    result is that whole updated graph, so `kg query --allow-update … > new.ttl` edits a copy.
    """
    keyword = update_keyword(query)
    if keyword is not None:
        if not allow_update:
            raise QueryError(
                f"{what}: is a SPARQL update ({keyword}); kg query only reads"
                " — pass --allow-update to apply it to an in-memory copy and print the result"
            )
        # Updates see one default graph (there is no union default graph for updates), so
        # flatten the reports into it; the ontology stays in its own graph, reachable with
        # GRAPH <https://w3id.org/gwr-kg/ontology>.
        flat = ox.Store()
        flat.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()
                            if q.graph_name != ONTOLOGY_GRAPH else ONTOLOGY_GRAPH) for q in store)
        try:
            flat.update(query, prefixes=PREFIXES)
        except SyntaxError as exc:
            raise _syntax_error(exc, what) from None
        except OSError as exc:
            raise QueryError(f"{what}: update failed ({_one_line(str(exc))})") from None
        data = [q.triple for q in flat.quads_for_pattern(None, None, None, ox.DefaultGraph())]
        return Result("graph", triples=sort_triples(data))
    try:
        answer = store.query(query, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(answer, ox.QueryBoolean):
            return Result("ask", boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            variables = [v.value for v in answer.variables]
            rows = [[solution[v] for v in variables] for solution in answer]
            return Result("select", variables=variables, rows=rows)
        return Result("graph", triples=sort_triples(answer))
    except SyntaxError as exc:
        raise _syntax_error(exc, what) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"{what}: evaluation failed ({_one_line(str(exc))})") from None


# ------------------------------------------------------------------------------ output

_PREFIX_ORDER = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_LOCAL_OK = re.compile(r"[\w\-]+", re.UNICODE)


def compact(iri: str) -> str:
    """kgr:中信重工 for a known namespace and a plain local name, else <iri>."""
    for prefix, ns in _PREFIX_ORDER:
        if iri.startswith(ns):
            local = iri[len(ns):]
            if local and _LOCAL_OK.fullmatch(local) and not local[0].isdigit() and local[0] != "-":
                return f"{prefix}:{local}"
    return f"<{iri}>"


def display(term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None) -> str:
    """A term as a person reads it: prefixed IRI, literal's text, empty when unbound."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        return compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return term.value
    return str(term)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cell(text: str) -> str:
    """One-line, control-free, at most TABLE_CELL_MAX columns wide."""
    flat = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    if _width(flat) <= TABLE_CELL_MAX:
        return flat
    out, width = [], 0
    for ch in flat:
        width += _width(ch)
        if width > TABLE_CELL_MAX - 1:
            break
        out.append(ch)
    return "".join(out) + "…"


def format_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Aligned columns (CJK counts double width) with a rule under the header."""
    cells = [[_cell(c) for c in row] for row in rows]
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(header), "  ".join("-" * w for w in widths)]
    out.extend(line(r) for r in cells)
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def serialize_triples(triples: Sequence[ox.Triple], fmt: ox.RdfFormat) -> bytes:
    """Serialize sorted triples with kg's prefixes (where the format has prefixes)."""
    return ox.serialize(list(triples), format=fmt, prefixes=dict(PREFIXES))


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def results_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON Format."""
    bindings = [
        {v: _json_term(t) for v, t in zip(result.variables, row, strict=True) if t is not None}
        for row in result.rows
    ]
    doc = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def results_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV Format: plain values, CRLF line ends (RFC 4180)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else (f"_:{t.value}" if isinstance(t, ox.BlankNode)
                                                else t.value) for t in row])
    return buf.getvalue()


def results_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV Format: `?var` header, terms in N-Triples syntax."""
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in result.rows)
    return "\n".join(lines) + "\n"


def format_result(result: Result, fmt: str) -> str:
    """Render a Result in a registry format (kg.formats); ttl only for graph results."""
    if result.kind == "graph":
        if fmt == "ttl":
            return serialize_triples(result.triples, ox.RdfFormat.TURTLE).decode("utf-8")
        spo = Result(
            "select", variables=["subject", "predicate", "object"],
            rows=[[t.subject, t.predicate, t.object] for t in result.triples],
        )
        return format_result(spo, fmt)
    if fmt == "ttl":
        raise QueryError(
            "--format ttl is for CONSTRUCT and DESCRIBE queries; for SELECT and ASK use table, csv, tsv or json"
        )
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "table":
        return format_table(result.variables, [[display(t) for t in row] for row in result.rows])
    writer = {"csv": results_csv, "tsv": results_tsv, "json": results_json}[fmt]
    return writer(result)


def query_files(paths: Sequence[Path], query: str, *, allow_update: bool = False,
                what: str = "query") -> Result:
    """Load files (plus the ontology) and run one query: the library entry point of `kg query`."""
    return run_query(open_store(paths), query, allow_update=allow_update, what=what)
