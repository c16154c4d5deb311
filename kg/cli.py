"""The kg command line: thin click wrappers over the library API.

Exit codes: 0 success; 1 a KgError (bad input, failed query, refused push …), printed as
one line "Error: …"; 2 a usage error (unknown option, missing argument).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from kg import __version__
from kg.errors import InputError, KgError
from kg.formats import EXPORT_FORMATS, QUERY_FORMATS

F = TypeVar("F", bound=Callable[..., Any])


def map_errors(func: F) -> F:
    """Turn library errors into one-line click errors (exit 1, no traceback)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except KgError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build knowledge graphs of Chinese government work reports (政府工作报告)."""


# --- build (issue 2) ---------------------------------------------------------------------


@cli.command()
@click.argument("inputs", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", "output", type=click.Path(path_type=Path), default=Path("outputs"),
    show_default=True, help="Folder for the Turtle, text, review and HTML files.",
)
@click.option("--html/--no-html", default=True, show_default=True, help="Also render the HTML view.")
@map_errors
def build(inputs: tuple[Path, ...], output: Path, html: bool) -> None:
    """Build the graph of each report (.txt, .pdf, .docx); default: every report in data/."""
    from kg.api import build_reports, default_inputs

    paths = list(inputs) or default_inputs()
    for result in build_reports(paths, output, html=html):
        click.echo(result.summary())


# --- eval (issue 3) ----------------------------------------------------------------------


@cli.command("eval")
@click.argument("gold", type=click.Path(path_type=Path))
@click.argument("report", type=click.Path(path_type=Path))
@click.option(
    "--show", type=click.Choice(["misses", "fp", "all", "none"]), default="misses",
    show_default=True, help="Which itemised lists to print after the scores.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
    help="Plain-text table or JSON.",
)
@click.option(
    "--min-recall", type=click.FloatRange(0.0, 1.0), default=None,
    help="Exit 1 when overall recall is below this (a CI gate).",
)
@map_errors
def eval_cmd(gold: Path, report: Path, show: str, fmt: str, min_recall: float | None) -> None:
    """Score REPORT (a built .ttl, or a .txt/.pdf/.docx report) against the GOLD file."""
    from kg.evaluate import evaluate, format_json, format_table

    result = evaluate(gold, report)
    click.echo(format_json(result, show) if fmt == "json" else format_table(result, show))
    recall = result.overall.recall or 0.0
    if min_recall is not None and recall < min_recall:
        raise click.ClickException(f"overall recall {recall:.3f} is below --min-recall {min_recall}")


# --- render (issue 4) --------------------------------------------------------------------


@cli.command()
@click.argument("turtle", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", "output", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="HTML file to write. Default: TURTLE with .html for one input, else outputs/graph.html.",
)
@click.option("--focus", metavar="NAME", default=None,
              help="Only the sub-graph around the node whose label or alias is NAME.")
@click.option("--depth", type=click.IntRange(min=0), default=2, show_default=True,
              help="Steps from the --focus node to include.")
@click.option("--title", metavar="T", default=None,
              help="Page title. Default: region, year and title of the report.")
@map_errors
def render(
    turtle: tuple[Path, ...], output: Path | None, focus: str | None, depth: int, title: str | None
) -> None:
    """Write the interactive HTML view of report graphs (default: outputs/*.ttl).

    One self-contained page that works offline from file://: graph with class colours and
    legend, search by name or alias, class filter, evidence panel and indicators table.
    Exit 1 when an input cannot be read or --focus names no node.
    """
    from kg.render import DEFAULT_OUTPUT, default_title, load_graph, write_html
    from kg.resources import report_graphs

    paths = list(turtle) or report_graphs()
    graph = load_graph(paths)
    if output is None:
        output = paths[0].with_suffix(".html") if len(paths) == 1 else DEFAULT_OUTPUT
    write_html(graph, output, title=title or default_title(graph), focus=focus, depth=depth)
    click.echo(f"wrote {output}")


# --- query / export / push / serve (issue 5) ---------------------------------------------


@cli.command()
@click.argument("query", required=False)
@click.argument("turtle", nargs=-1, type=click.Path(path_type=Path))
@click.option("-f", "--file", "query_file", type=click.Path(dir_okay=False, path_type=Path),
              default=None, help="Read the SPARQL query from this .rq file.")
@click.option("-n", "--name", "name", metavar="NAME", default=None,
              help="Run a shipped named query (competency question); see --list.")
@click.option("-p", "--param", "params", metavar="VAR=VALUE", multiple=True,
              help="Replace the query's `VALUES ?VAR {…}` block by VALUE (repeat for several values).")
@click.option("--format", "fmt", type=click.Choice(QUERY_FORMATS), default=None,
              help="Output format. Default: table; ttl for CONSTRUCT/DESCRIBE.")
@click.option("--allow-update", is_flag=True,
              help="Allow SPARQL Update; it edits an in-memory copy and prints the result as Turtle.")
@click.option("--list", "list_", is_flag=True, help="List the named queries and their parameters.")
@map_errors
def query(query: str | None, turtle: tuple[Path, ...], query_file: Path | None, name: str | None,
          params: tuple[str, ...], fmt: str | None, allow_update: bool, list_: bool) -> None:
    """Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) over report graphs.

    Give the query as QUERY, or with -f FILE.rq, or --name NAME. TURTLE defaults to
    outputs/*.ttl; the ontology is always loaded too, so `?x a/rdfs:subClassOf*
    kg:Organization` works. Prefixes kg:, kgr:, rdf:, rdfs:, owl:, xsd:, skos:, prov: and
    dcterms: are predeclared. Each report is its own named graph; the default graph is the
    union. Exit 1 on a malformed query (with line and column) or a refused update.
    """
    from kg import store

    if list_:
        for q in store.named_queries().values():
            shown = ", ".join(f"{k}={v}" for k, v in q.params.items())
            click.echo(f"{q.name}\t{q.question}\t{shown}")
        return
    sources = [s for s in (query_file, name) if s is not None]
    if len(sources) > 1:
        raise click.UsageError("give only one of -f/--file and --name")
    if sources and query is not None:
        turtle = (Path(query), *turtle)  # QUERY is really the first Turtle file
        query = None
    if query_file is not None:
        try:
            text, what = query_file.read_text(encoding="utf-8"), str(query_file)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{query_file}: cannot read the query ({exc})") from None
    elif name is not None:
        text, what = store.named_query(name).text, f"query {name}"
    elif query is not None:
        text, what = query, "query"
    else:
        raise click.UsageError("give a QUERY, -f FILE.rq or --name NAME (or --list)")
    text = store.apply_params(text, [store.parse_param(p) for p in params], what)
    from kg.resources import report_graphs

    paths = list(turtle) or report_graphs()
    result = store.query_files(paths, text, allow_update=allow_update, what=what)
    chosen = fmt or ("ttl" if result.kind == "graph" else "table")
    click.echo(store.format_result(result, chosen), nl=False)


@cli.command("export")
@click.argument("turtle", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(EXPORT_FORMATS), required=True,
              help="ttl nt nq trig jsonld rdfxml: RDF; graphml gexf: entity graph; csv: Neo4j tables.")
@click.option("-o", "--output", "output", type=click.Path(path_type=Path), required=True,
              help="File to write. For csv: a folder (nodes.csv, relationships.csv) or a prefix "
                   "(out/kg → out/kg_nodes.csv, out/kg_relationships.csv).")
@click.option("--ontology/--no-ontology", default=False, show_default=True,
              help="Include the ontology (RDF formats; nq/trig: as its own named graph).")
@map_errors
def export_cmd(turtle: tuple[Path, ...], fmt: str, output: Path, ontology: bool) -> None:
    """Export report graphs (default: outputs/*.ttl) for triple stores, Gephi or Neo4j.

    nq and trig put each report in its own named graph, named by the report's kg:Report
    IRI. graphml, gexf and csv hold entities as nodes and kg relations as edges; the csv
    headers follow `neo4j-admin database import` (id:ID, :LABEL, :START_ID, :END_ID, :TYPE).
    """
    from kg.export import export
    from kg.resources import report_graphs

    for path in export(list(turtle) or report_graphs(), fmt, output, ontology=ontology):
        click.echo(f"wrote {path}")


@cli.command()
@click.argument("turtle", nargs=-1, type=click.Path(path_type=Path))
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL, e.g. http://127.0.0.1:7878/store or http://host:3030/ds/data.")
@click.option("--graph", "graph", metavar="IRI", default=None,
              help="Put everything into this one named graph instead of one graph per report.")
@click.option("--user", default=None, help="HTTP Basic user name.")
@click.option("--password", default=None, envvar="KG_PUSH_PASSWORD",
              help="HTTP Basic password (or set KG_PUSH_PASSWORD).")
@click.option("--token", default=None, envvar="KG_PUSH_TOKEN",
              help="Bearer token (or set KG_PUSH_TOKEN).")
@click.option("--ontology/--no-ontology", default=True, show_default=True,
              help="Also put the ontology into graph <https://w3id.org/gwr-kg/ontology>.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=60.0, show_default=True,
              help="Seconds to wait for each request.")
@map_errors
def push(turtle: tuple[Path, ...], endpoint: str, graph: str | None, user: str | None,
         password: str | None, token: str | None, ontology: bool, timeout: float) -> None:
    """Load report graphs (default: outputs/*.ttl) into a SPARQL 1.1 Graph Store.

    One HTTP PUT per report, into the named graph of its kg:Report IRI: PUT replaces that
    graph, so re-pushing updates it and a failure never leaves part of a graph. Works with
    Oxigraph, Jena Fuseki, GraphDB and any other Graph Store Protocol server. Exit 1 with a
    one-line reason when the server refuses or cannot be reached.
    """
    from kg import remote
    from kg.resources import report_graphs

    if token and user:
        raise click.UsageError("give either --user/--password or --token, not both")

    def report(upload: remote.Upload) -> None:
        click.echo(f"put <{upload.graph}> ({upload.triples} triples from {upload.source})")

    remote.push(list(turtle) or report_graphs(), endpoint, graph=graph,
                auth=remote.Auth(user=user, password=password, token=token), ontology=ontology,
                timeout=timeout, progress=report)


@cli.command()
@click.argument("turtle", nargs=-1, type=click.Path(path_type=Path))
@click.option("--port", type=click.IntRange(1, 65535), default=7878, show_default=True,
              help="TCP port to listen on.")
@click.option("--bind", "host", default="127.0.0.1", show_default=True,
              help="Address to listen on; keep the loopback default unless you mean to share.")
@click.option("--cors", is_flag=True, help="Allow cross-origin requests (needed by web YASGUI).")
@click.option("--writable", is_flag=True, help="Accept updates and Graph Store writes too.")
@click.option("--location", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Keep the database in this new folder instead of a temporary one.")
@map_errors
def serve(turtle: tuple[Path, ...], port: int, host: str, cors: bool, writable: bool,
          location: Path | None) -> None:
    """Serve report graphs (default: outputs/*.ttl) as a SPARQL endpoint with `oxigraph serve`.

    The graphs and the ontology are loaded into an Oxigraph database (one named graph per
    report; the default graph is their union), then Oxigraph's server runs until Ctrl-C.
    Point YASGUI or any SPARQL client at http://HOST:PORT/query (read-only unless --writable).
    """
    from kg.remote import serve as run_server
    from kg.resources import report_graphs

    def ready(url: str, count: int) -> None:
        click.echo(f"loaded {count} quads; SPARQL endpoint {url}/query, Graph Store {url}/store"
                   " (Ctrl-C to stop)")

    run_server(list(turtle) or report_graphs(), host=host, port=port, cors=cors,
               writable=writable, location=location, ready=ready)


# --- validate -----------------------------------------------------------------------------


@cli.command()
@click.argument("turtle", nargs=-1, type=click.Path(path_type=Path))
@click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
              help="Print at most this many problems per file (0: all).")
@map_errors
def validate(turtle: tuple[Path, ...], limit: int) -> None:
    """Check report graphs against the SHACL shapes and the offset guarantee.

    TURTLE defaults to outputs/*.ttl except outputs/kg.ttl (the ontology). The shapes
    (ontology/shapes.ttl) are checked with the ontology loaded, so subclasses count; then
    every mention's and sentence's kg:text must equal the report's kg:text[start:end].

    Exit codes, as in pySHACL: 0 every graph conforms; 1 a graph does not conform, or a
    file cannot be read; 2 usage error.
    """
    from kg.resources import report_graphs
    from kg.validate import validate_file

    paths = list(turtle) or report_graphs()
    failed = 0
    for path in paths:
        result = validate_file(path)
        click.echo(f"{path}: {result.summary()}")
        problems = result.violations + result.offset_errors
        shown = problems if limit == 0 else problems[:limit]
        for line in shown:
            click.echo(f"  {line}")
        if len(shown) < len(problems):
            click.echo(f"  … and {len(problems) - len(shown)} more (use --limit 0 to see all)")
        failed += not result.conforms
    if failed:
        raise SystemExit(1)
