"""Export report graphs for triple stores (RDF), graph tools (GraphML, GEXF) and Neo4j (CSV).

RDF formats are written by pyoxigraph from quads sorted by kg, so every export is
byte-identical on rebuild; N-Quads and TriG put each report in its own named graph (the
graph IRI is the report's kg:Report node) so several reports load side by side. GraphML,
GEXF and CSV carry only the entity graph: entities as nodes, kg relations as edges.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from kg.errors import OutputError
from kg.formats import DATASET_FORMATS, get
from kg.serialize import write_atomic
from kg.store import ONTOLOGY_IRI, Dataset, load_dataset, serialize_triples
from kg.vocab import ENTITY_CLASSES, KG, PREFIXES, RELATIONS, SUPERCLASS

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
NODES_CSV = "nodes.csv"
EDGES_CSV = "relationships.csv"


def rdf_bytes(data: Dataset, fmt: str, *, ontology: bool = False) -> bytes:
    """One RDF serialization; nq/trig keep one named graph per report, others merge."""
    if fmt in DATASET_FORMATS:
        quads = [q for q in data.quads() if ontology or not _is_ontology(q.graph_name)]
        return ox.serialize(quads, format=RDF_FORMATS[fmt], prefixes=dict(PREFIXES))
    return serialize_triples(data.triples(include_ontology=ontology), RDF_FORMATS[fmt])


def _is_ontology(graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
    return isinstance(graph, ox.NamedNode) and graph.value == ONTOLOGY_IRI


@dataclass(frozen=True)
class Node:
    iri: str
    label: str
    classes: tuple[str, ...]  # most specific first, then superclasses (for Neo4j labels)
    alt_labels: tuple[str, ...]


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str


def entity_graph(data: Dataset) -> tuple[list[Node], list[Edge]]:
    """Entities (nodes typed with an entity class) and relation triples between them, sorted."""
    kg_ns = str(KG)
    classes: dict[str, set[str]] = {}
    labels: dict[str, list[str]] = {}
    alts: dict[str, set[str]] = {}
    relations: set[tuple[str, str, str]] = set()
    entity_iris = {kg_ns + c for c in ENTITY_CLASSES}
    relation_iris = {kg_ns + r: r for r in RELATIONS}
    triples = data.triples(include_ontology=False)
    for t in triples:
        p = t.predicate.value
        if p == RDF_TYPE and t.object.value in entity_iris:
            classes.setdefault(t.subject.value, set()).add(t.object.value[len(kg_ns):])
        elif p == RDFS_LABEL and isinstance(t.object, ox.Literal):
            labels.setdefault(t.subject.value, []).append(t.object.value)
        elif p == SKOS_ALT and isinstance(t.object, ox.Literal):
            alts.setdefault(t.subject.value, set()).add(t.object.value)
        elif p in relation_iris and isinstance(t.object, ox.NamedNode):
            relations.add((t.subject.value, t.object.value, relation_iris[p]))
    nodes = []
    for iri in sorted(classes):
        own = sorted(classes[iri], key=ENTITY_CLASSES.index)
        chain = list(own)
        for c in own:
            parent = SUPERCLASS.get(c)
            while parent and parent not in chain:
                chain.append(parent)
                parent = SUPERCLASS.get(parent)
        label = sorted(labels.get(iri, []))[0] if labels.get(iri) else iri.rsplit("/", 1)[-1]
        nodes.append(Node(iri, label, tuple(chain), tuple(sorted(alts.get(iri, set()) - {label}))))
    known = {n.iri for n in nodes}
    edges = [Edge(s, o, r) for s, o, r in sorted(relations) if s in known and o in known]
    return nodes, edges


def to_networkx(nodes: Sequence[Node], edges: Sequence[Edge]) -> nx.MultiDiGraph:
    """A networkx graph with string attributes only, so GraphML and GEXF writers accept it."""
    graph = nx.MultiDiGraph()
    for n in nodes:
        graph.add_node(n.iri, label=n.label, kgclass=n.classes[0],
                       altLabels="; ".join(n.alt_labels), iri=n.iri)
    for i, e in enumerate(edges):
        graph.add_edge(e.source, e.target, key=f"e{i}", relation=e.relation, label=e.relation)
    return graph


_GEXF_DATE = re.compile(r' lastmodifieddate="[^"]*"')


def graphml_bytes(data: Dataset) -> bytes:
    buf = io.BytesIO()
    nx.write_graphml(to_networkx(*entity_graph(data)), buf, encoding="utf-8")
    return buf.getvalue()


def gexf_bytes(data: Dataset) -> bytes:
    """GEXF 1.2 without the writer's today's-date stamp, so output is byte-identical."""
    text = "\n".join(nx.generate_gexf(to_networkx(*entity_graph(data)), encoding="utf-8"))
    if not text.startswith("<?xml"):
        text = '<?xml version="1.0" encoding="utf-8"?>\n' + text
    return (_GEXF_DATE.sub("", text) + "\n").encode("utf-8")


def neo4j_csv(data: Dataset) -> tuple[str, str]:
    """Node and relationship tables with `neo4j-admin database import` header conventions."""
    nodes, edges = entity_graph(data)
    nbuf, ebuf = io.StringIO(), io.StringIO()
    nw = csv.writer(nbuf, lineterminator="\n")
    nw.writerow(["id:ID", "label", "altLabels:string[]", ":LABEL"])
    for n in nodes:
        nw.writerow([n.iri, n.label, ";".join(n.alt_labels), ";".join(n.classes)])
    ew = csv.writer(ebuf, lineterminator="\n")
    ew.writerow([":START_ID", ":END_ID", ":TYPE"])
    for e in edges:
        ew.writerow([e.source, e.target, e.relation])
    return nbuf.getvalue(), ebuf.getvalue()


def csv_paths(output: Path) -> tuple[Path, Path]:
    """-o for csv: an existing folder or one ending in '/' gets nodes.csv and relationships.csv;
    anything else is a prefix: out/kg → out/kg_nodes.csv and out/kg_relationships.csv."""
    text = str(output)
    if output.is_dir() or text.endswith(("/", "\\")):
        return output / NODES_CSV, output / EDGES_CSV
    return output.with_name(f"{output.name}_{NODES_CSV}"), output.with_name(f"{output.name}_{EDGES_CSV}")


def export(paths: Sequence[Path], fmt: str, output: Path, *, ontology: bool = False) -> list[Path]:
    """Write PATHS' graphs to OUTPUT in format FMT; returns the files written."""
    get(fmt)  # unknown names are a programming error: the CLI offers only registry names
    data = load_dataset(paths, ontology=ontology)
    if fmt == "csv":
        nodes_path, edges_path = csv_paths(output)
        nodes_csv, edges_csv = neo4j_csv(data)
        write_atomic(nodes_path, nodes_csv)
        write_atomic(edges_path, edges_csv)
        return [nodes_path, edges_path]
    if output.is_dir():
        raise OutputError(f"{output}: is a folder; give a file name, e.g. {output / ('graph' + get(fmt).extension)}")
    if fmt == "graphml":
        payload = graphml_bytes(data)
    elif fmt == "gexf":
        payload = gexf_bytes(data)
    else:
        payload = rdf_bytes(data, fmt, ontology=ontology)
    write_atomic(output, payload)
    return [output]
