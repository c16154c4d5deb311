"""kg export: every format is readable by a real consumer and byte-identical on rebuild."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare
from click.testing import CliRunner

from kg.cli import cli
from kg.export import csv_paths
from kg.formats import EXPORT_FORMATS, QUERY_FORMATS, get

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED_TTL = ROOT / "outputs" / "000_0be72cd4c93cb315.ttl"
SECOND = HERE / "data" / "query" / "linxi_2023.ttl"
KGR = "https://w3id.org/gwr-kg/id/"
KG = "https://w3id.org/gwr-kg/ontology#"
ONTOLOGY = "https://w3id.org/gwr-kg/ontology"


def export(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    return result.exit_code, result.output


def rdflib_triples(path: Path) -> set:
    return set(rdflib.Graph().parse(path, format="turtle"))


@pytest.fixture(scope="module")
def seed() -> Path:
    if not SEED_TTL.is_file():
        pytest.skip("outputs/000_0be72cd4c93cb315.ttl is not built")
    return SEED_TTL


def test_format_registry_feeds_both_commands() -> None:
    assert set(QUERY_FORMATS) == {"table", "csv", "tsv", "json", "ttl"}
    assert set(EXPORT_FORMATS) == {"ttl", "nt", "nq", "trig", "jsonld", "rdfxml", "graphml", "gexf", "csv"}
    assert get("nq").media_type == "application/n-quads"


@pytest.mark.parametrize(("fmt", "rdflib_format"), [
    ("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"), ("rdfxml", "xml"),
])
def test_rdf_graph_formats_hold_exactly_the_input(tmp_path: Path, fmt: str, rdflib_format: str) -> None:
    out = tmp_path / f"g.{fmt}"
    code, text = export([str(SECOND), "--format", fmt, "-o", str(out)])
    assert (code, text) == (0, f"wrote {out}\n")
    got = rdflib.Graph().parse(out, format=rdflib_format)
    expected = rdflib.Graph().parse(SECOND, format="turtle")
    assert rdflib.compare.isomorphic(got, expected)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_dataset_formats_have_one_named_graph_per_report(tmp_path: Path, seed: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    code, text = export([str(seed), str(SECOND), "--format", fmt, "-o", str(out)])
    assert code == 0, text
    fmt_ox = ox.RdfFormat.N_QUADS if fmt == "nq" else ox.RdfFormat.TRIG
    quads = list(ox.parse(path=str(out), format=fmt_ox))
    graphs = {q.graph_name.value for q in quads}
    assert graphs == {KGR + "report_涧西区_2021", KGR + "report_临溪县_2023"}
    # Each named graph holds exactly its own file's triples.
    mine = {(str(q.subject), str(q.predicate), str(q.object))
            for q in quads if q.graph_name.value == KGR + "report_临溪县_2023"}
    theirs = {(str(t.subject), str(t.predicate), str(t.object))
              for t in ox.parse(path=str(SECOND), format=ox.RdfFormat.TURTLE)}
    assert mine == theirs
    # rdflib reads the same dataset.
    ds = rdflib.Dataset()
    ds.parse(out, format="nquads" if fmt == "nq" else "trig")
    assert sum(len(ds.graph(rdflib.URIRef(g))) for g in graphs) == len(quads)


def test_ontology_only_when_asked(tmp_path: Path) -> None:
    out = tmp_path / "g.nq"
    export([str(SECOND), "--format", "nq", "-o", str(out)])
    assert ONTOLOGY not in {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    code, _ = export([str(SECOND), "--format", "nq", "--ontology", "-o", str(out)])
    assert code == 0
    graphs = {q.graph_name.value for q in ox.parse(path=str(out), format=ox.RdfFormat.N_QUADS)}
    assert graphs == {KGR + "report_临溪县_2023", ONTOLOGY}


@pytest.mark.parametrize("fmt", ["ttl", "nq", "trig", "jsonld", "rdfxml", "graphml", "gexf"])
def test_byte_identical_on_rebuild(tmp_path: Path, seed: Path, fmt: str) -> None:
    a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
    export([str(seed), "--format", fmt, "-o", str(a)])
    export([str(seed), "--format", fmt, "-o", str(b)])
    assert a.read_bytes() == b.read_bytes()
    assert not list(tmp_path.glob(".*"))  # no temp files left behind (atomic write)


def _entities(path: Path) -> tuple[set[str], set[tuple[str, str, str]]]:
    """Entity IRIs and relation triples of a report graph, read with rdflib."""
    graph = rdflib.Graph().parse(path, format="turtle")
    classes = {rdflib.URIRef(KG + c) for c in ("Strategy", "Initiative", "Action", "Goal", "Task",
                                               "Project", "Organization", "Enterprise", "Platform",
                                               "Place", "Indicator", "Award")}
    nodes = {str(s) for s, o in graph.subject_objects(rdflib.RDF.type) if o in classes}
    edges = {(str(s), str(o), r) for r in ("hasComponent", "involves", "locatedIn", "partOf", "alignsWith")
             for s, o in graph.subject_objects(rdflib.URIRef(KG + r))
             if str(s) in nodes and str(o) in nodes}
    return nodes, edges


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_tool_formats_load_in_networkx(tmp_path: Path, seed: Path, fmt: str) -> None:
    out = tmp_path / f"g.{fmt}"
    code, text = export([str(seed), "--format", fmt, "-o", str(out)])
    assert code == 0, text
    graph = nx.read_graphml(out) if fmt == "graphml" else nx.read_gexf(out)
    nodes, edges = _entities(seed)
    assert set(graph.nodes) == nodes
    got = {(s, o, d["relation"]) for s, o, d in graph.edges(data=True)}
    assert got == edges
    assert graph.nodes[KGR + "洛轴"]["label"] == "洛轴"
    assert graph.nodes[KGR + "洛轴"]["kgclass"] == "Enterprise"


def test_neo4j_csv_headers_and_rows(tmp_path: Path) -> None:
    code, text = export([str(SECOND), "--format", "csv", "-o", str(tmp_path) + "/"])
    assert code == 0
    assert text == f"wrote {tmp_path / 'nodes.csv'}\nwrote {tmp_path / 'relationships.csv'}\n"
    with (tmp_path / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        nodes = list(csv.reader(fh))
    with (tmp_path / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        edges = list(csv.reader(fh))
    assert nodes[0] == ["id:ID", "label", "altLabels:string[]", ":LABEL"]
    assert sorted(nodes[1:]) == sorted([
        [KGR + "临溪县", "临溪县", "", "Place"],
        [KGR + "强链", "强链", "", "Action;Initiative"],
        [KGR + "洛轴", "洛轴", "", "Enterprise;Organization"],
    ])
    assert edges == [[":START_ID", ":END_ID", ":TYPE"], [KGR + "强链", KGR + "洛轴", "involves"]]


def test_csv_output_is_folder_or_prefix(tmp_path: Path) -> None:
    assert csv_paths(tmp_path) == (tmp_path / "nodes.csv", tmp_path / "relationships.csv")
    assert csv_paths(tmp_path / "out" / "kg") == (tmp_path / "out" / "kg_nodes.csv",
                                                  tmp_path / "out" / "kg_relationships.csv")
    code, _ = export([str(SECOND), "--format", "csv", "-o", str(tmp_path / "kg")])
    assert code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kg_nodes.csv", "kg_relationships.csv"]


def test_seed_csv_every_edge_has_both_nodes(tmp_path: Path, seed: Path) -> None:
    export([str(seed), "--format", "csv", "-o", str(tmp_path) + "/"])
    with (tmp_path / "nodes.csv").open(encoding="utf-8", newline="") as fh:
        ids = [row["id:ID"] for row in csv.DictReader(fh)]
    assert len(ids) == len(set(ids))
    with (tmp_path / "relationships.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r[":START_ID"] in ids and r[":END_ID"] in ids for r in rows)


def test_jsonld_is_json(tmp_path: Path) -> None:
    out = tmp_path / "g.jsonld"
    export([str(SECOND), "--format", "jsonld", "-o", str(out)])
    assert json.loads(out.read_text(encoding="utf-8"))


def test_errors(tmp_path: Path) -> None:
    code, text = export([str(SECOND), "--format", "ttl", "-o", str(tmp_path)])
    assert code == 1
    assert text == f"Error: {tmp_path}: is a folder; give a file name, e.g. {tmp_path / 'graph.ttl'}\n"
    code, text = export([str(SECOND), "--format", "xlsx", "-o", str(tmp_path / "x")])
    assert code == 2 and "'xlsx' is not one of" in text
    code, text = export([str(tmp_path / "missing.ttl"), "--format", "nt", "-o", str(tmp_path / "x.nt")])
    assert (code, text) == (1, f"Error: {tmp_path / 'missing.ttl'}: no such file; pass a Turtle file written by `kg build`\n")


def test_two_reports_in_one_file_is_refused(tmp_path: Path) -> None:
    both = tmp_path / "both.ttl"
    both.write_text(SECOND.read_text(encoding="utf-8") + "\nkgr:report_x a kg:Report .\n", encoding="utf-8")
    code, text = export([str(both), "--format", "nq", "-o", str(tmp_path / "x.nq")])
    assert (code, text) == (1, f"Error: {both}: holds 2 kg:Report nodes; pass one file per report as `kg build` writes them\n")
