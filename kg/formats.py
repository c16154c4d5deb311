"""The one registry of named output formats, for `kg query --format` and `kg export --format`.

Keeping names, file extensions and media types in one table means the CLI choices, the
docs and the writers cannot drift apart: click.Choice lists are derived from it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Format:
    """A named output format and where it may be used."""

    name: str
    description: str
    extension: str
    media_type: str
    query: bool = False  # usable as `kg query --format`
    export: bool = False  # usable as `kg export --format`
    rdf: bool = False  # an RDF serialization (pyoxigraph writes it)


FORMATS: tuple[Format, ...] = (
    Format("table", "aligned text columns for a terminal", ".txt", "text/plain", query=True),
    Format("csv", "SPARQL 1.1 CSV results; for export: Neo4j node and relationship CSV tables",
           ".csv", "text/csv", query=True, export=True),
    Format("tsv", "SPARQL 1.1 TSV results", ".tsv", "text/tab-separated-values", query=True),
    Format("json", "SPARQL 1.1 query results JSON", ".srj", "application/sparql-results+json",
           query=True),
    Format("ttl", "Turtle", ".ttl", "text/turtle", query=True, export=True, rdf=True),
    Format("nt", "N-Triples", ".nt", "application/n-triples", export=True, rdf=True),
    Format("nq", "N-Quads, one named graph per report", ".nq", "application/n-quads",
           export=True, rdf=True),
    Format("trig", "TriG, one named graph per report", ".trig", "application/trig",
           export=True, rdf=True),
    Format("jsonld", "JSON-LD", ".jsonld", "application/ld+json", export=True, rdf=True),
    Format("rdfxml", "RDF/XML", ".rdf", "application/rdf+xml", export=True, rdf=True),
    Format("graphml", "GraphML of entities and relations (Gephi, networkx, yEd)", ".graphml",
           "application/graphml+xml", export=True),
    Format("gexf", "GEXF of entities and relations (Gephi)", ".gexf", "application/gexf+xml",
           export=True),
)

BY_NAME: dict[str, Format] = {f.name: f for f in FORMATS}
QUERY_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS if f.query)
EXPORT_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS if f.export)
DATASET_FORMATS: frozenset[str] = frozenset({"nq", "trig"})


def get(name: str) -> Format:
    """The format called NAME (KeyError for an unknown name: the CLI only passes known ones)."""
    return BY_NAME[name]
