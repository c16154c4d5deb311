"""The HTML view's graph model, focus sub-graphs, escaping, determinism and CLI (no browser;
tests/test_browser.py drives the page in Chromium)."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg import render
from kg.cli import cli
from kg.errors import InputError, OutputError
from kg.vocab import ENTITY_CLASSES, KG, KGR
from tests.conftest import ROOT, TESTDATA

SMALL = TESTDATA / "render_small.ttl"
XSS = TESTDATA / "render_xss.ttl"
_CLASSES = " ".join(f"kg:{c}" for c in (*ENTITY_CLASSES, "Entity"))
ENTITY_QUERY = (
    "PREFIX kg: <https://w3id.org/gwr-kg/ontology#>\n"
    f"SELECT DISTINCT ?e WHERE {{ {{ ?e a ?c . VALUES ?c {{ {_CLASSES} }} }}"
    " UNION { ?m kg:indicator ?e } }"
)


def load(path: Path) -> Graph:
    return render.load_graph([path])


def entity_iris(graph: Graph) -> set[str]:
    """The entity nodes of an RDF graph, found with SPARQL independently of kg.render."""
    return {str(row[0]) for row in graph.query(ENTITY_QUERY)}


def page_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert m, "no data blob"
    return json.loads(m.group(1))


# --------------------------------------------------------------------------- graph model


def test_model_has_one_node_per_entity_and_no_provenance_nodes() -> None:
    graph = load(SMALL)
    model = render.entity_graph(graph)
    assert set(model.nodes) == entity_iris(graph)
    assert model.number_of_nodes() == len(entity_iris(graph)) > 10
    for kind in ("Mention", "Sentence", "Section", "Assertion", "Measurement", "Report"):
        assert not set(map(str, graph.subjects(RDF.type, KG[kind]))) & set(model.nodes)


def test_model_edges_are_the_relation_triples_between_entities() -> None:
    graph = load(SMALL)
    model = render.entity_graph(graph)
    want = {
        (str(s), p.removeprefix(str(KG)), str(o))
        for p in (str(KG[r]) for r in ("hasComponent", "involves", "locatedIn", "partOf", "alignsWith"))
        for s, o in graph.subject_objects(URIRef(p))
    }
    got = {(u, d["relation"], v) for u, v, d in model.edges(data=True)}
    assert got == want and len(got) == 7


def test_node_carries_aliases_definition_and_evidence_with_section() -> None:
    graph = load(SMALL)
    model = render.entity_graph(graph)
    prov = model.graph["provenance"]
    luozhou = model.nodes[str(KGR["洛轴"])]
    assert luozhou["label"] == "洛轴" and luozhou["cls"] == "Enterprise"
    assert luozhou["aliases"] == sorted(str(a) for a in graph.objects(KGR["洛轴"], SKOS.altLabel))
    # Both mentions (洛轴, 洛阳LYC) sit in one sentence: one evidence item, two marked spans.
    [ev] = luozhou["evidence"]
    text = prov.sentence_text[ev.sentence]
    assert [text[a:b] for a, b in ev.spans] == ["洛轴", "洛阳LYC"]
    section = URIRef(prov.sentence_section[ev.sentence])
    assert str(graph.value(section, RDFS.label)) == "（二）实施“制造业提质”行动"
    action = model.nodes[str(KGR["制造业提质"])]
    assert action["definitions"] == [str(graph.value(KGR["制造业提质"], SKOS.definition))]


def test_payload_counts_and_measurements_match_the_graph() -> None:
    graph = load(SMALL)
    data = page_data(render.render_html(graph, title="t"))
    assert len(data["nodes"]) == len(data["vis"]["nodes"]) == len(entity_iris(graph))
    assert {n["iri"] for n in data["nodes"]} == entity_iris(graph)
    assert len(data["edges"]) == len(data["vis"]["edges"]) == 7
    measurements = set(graph.subjects(RDF.type, KG.Measurement))
    assert len(data["measurements"]) == len(measurements) == 2
    by_year = {m["year"]: m for m in data["measurements"]}
    assert by_year["2021"]["target"] is True and by_year["2020"]["target"] is False
    assert by_year["2021"]["qualifier"] == "以上" and by_year["2020"]["num"] == 3.5
    sent = data["sentences"][by_year["2021"]["evidence"][0][0]]["text"]
    assert "8%以上" in sent
    # every node has a position and no two share one
    xy = [(n["x"], n["y"]) for n in data["vis"]["nodes"]]
    assert len(set(xy)) == len(xy)
    # node size grows with degree
    sizes = {n["label"]: n["size"] for n in data["vis"]["nodes"]}
    assert sizes["制造业提质"] > sizes["洛轴"] > sizes["生产总值"]


def test_class_labels_match_the_ontology() -> None:
    onto = Graph().parse(ROOT / "ontology" / "kg.ttl")
    for cls, (zh, _colour, _shape) in render.CLASS_STYLE.items():
        labels = {str(o) for o in onto.objects(KG[cls], RDFS.label) if o.language == "zh"}
        assert labels == {zh}, cls
    for rel, (zh, _colour, _dash) in render.RELATION_STYLE.items():
        if rel != "about":
            labels = {str(o) for o in onto.objects(KG[rel], RDFS.label) if o.language == "zh"}
            assert labels == {zh}, rel


# --------------------------------------------------------------------------- focus


def focus_labels(graph: Graph, name: str, depth: int) -> set[str]:
    data = page_data(render.render_html(graph, title="t", focus=name, depth=depth))
    assert [data["nodes"][i]["label"] for i in data["focus"]] == ["洛轴"]
    return {n["label"] for n in data["nodes"]}


def test_focus_by_label_or_alias_and_depth() -> None:
    graph = load(SMALL)
    assert focus_labels(graph, "洛轴", 0) == {"洛轴"}
    assert focus_labels(graph, "洛阳LYC", 1) == {"洛轴", "制造业提质"}
    # alias match ignores case and full-width forms
    assert focus_labels(graph, "洛阳ｌｙｃ", 2) == {"洛轴", "制造业提质", "中信重工", "智能化改造"}
    assert focus_labels(graph, "洛轴", 3) == {"洛轴", "制造业提质", "中信重工", "智能化改造", "区人民政府"}


def test_focus_unknown_name_suggests_close_match() -> None:
    with pytest.raises(InputError) as err:
        render.render_html(load(SMALL), title="t", focus="洛州")
    assert str(err.value) == (
        "--focus '洛州' matches no node's label or alias; did you mean '洛轴'? "
        "list the entities with `kg query` and pass one of their names"
    )


def test_negative_depth_is_an_input_error() -> None:
    with pytest.raises(InputError, match="--depth must be 0 or more, got -1"):
        render.render_html(load(SMALL), title="t", focus="洛轴", depth=-1)


# --------------------------------------------------------------------------- escaping


PAYLOADS = ("<img", "<script>window", "<svg", "<iframe", "<u onclick", "<b onmouseover")


def test_report_markup_never_reaches_the_html_as_markup() -> None:
    graph = load(XSS)
    html = render.render_html(graph, title="<script>window.__kgPwned='title'</script>")
    lowered = html.lower()
    for payload in PAYLOADS:
        assert payload.lower() not in lowered, payload
    # the three script elements are ours: data blob, vis-network, page.js (vis-network's own
    # code builds a "<script>" string, so it is taken out before counting)
    vis = (ROOT / "kg" / "assets" / "vis-network.min.js").read_text(encoding="utf-8").lower()
    assert "<!--" not in vis and "</script" not in vis
    rest = lowered.replace(vis, "")
    assert rest.count("<script") == 3 and rest.count("</script") == 3
    assert "<title>&lt;script&gt;window.__kgPwned=&#x27;title&#x27;&lt;/script&gt;</title>" in html
    # ...and the data round-trips exactly: the page shows the text as it was written
    data = page_data(html)
    labels = {n["iri"]: n["label"] for n in data["nodes"]}
    for s, o in graph.subject_objects(RDFS.label):
        if str(s) in labels:
            assert labels[str(s)] == str(o)
    sentence = str(graph.value(KGR["report_x_2021_sent_1"], KG.text))
    assert [s["text"] for s in data["sentences"]] == [sentence]
    assert "\u2028" in sentence and "\u2028" not in html


def test_json_for_html_escapes_script_breakers() -> None:
    text = render.json_for_html({"a": "</script><!-- & \u2028\u2029 >"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_page_is_self_contained_and_csp_hashes_match_its_scripts() -> None:
    html = render.render_html(load(SMALL), title="t")
    # no element loads anything: no src/href attributes at all, no CDN link
    assert not re.search(r"<(?:script|link|img|iframe|object|embed)\b[^>]*\b(?:src|href)\s*=", html, re.I)
    assert "cdn" not in re.sub(r"<script>.*?</script>", "", html, flags=re.S).lower()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src &#x27;none&#x27;" in csp
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    assert len(scripts) == 2
    for body in scripts:
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"sha256-{digest}" in csp
    assert "var network" in scripts[1] and "vis.Network" in scripts[1]


# --------------------------------------------------------------------------- determinism


def test_same_graph_gives_byte_identical_html_whatever_the_triple_order() -> None:
    first = render.render_html(load(SMALL), title="t")
    shuffled = Graph()
    for triple in sorted(load(SMALL), key=lambda t: tuple(reversed([str(x) for x in t])), reverse=True):
        shuffled.add(triple)
    assert render.render_html(shuffled, title="t") == first
    assert render.render_html(load(SMALL), title="t") == first


def test_large_graph_layout_is_deterministic_and_spread_out() -> None:
    from kg.render_synth import synthetic_graph

    graph = synthetic_graph(800, seed=3)
    model = render.entity_graph(graph)
    assert model.number_of_nodes() == 800
    pos = render.layout(model)
    assert pos == render.layout(render.entity_graph(synthetic_graph(800, seed=3)))
    assert len(set(pos.values())) == 800


# --------------------------------------------------------------------------- writing + CLI


def test_write_html_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "g.html"
    render.write_html(load(SMALL), out, title="t")
    assert out.read_text(encoding="utf-8") == render.render_html(load(SMALL), title="t")
    assert [p.name for p in out.parent.iterdir()] == ["g.html"]


def test_write_html_to_a_folder_is_an_output_error(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match=f"cannot write {re.escape(str(tmp_path))}"):
        render.write_html(load(SMALL), tmp_path, title="t")
    assert list(tmp_path.iterdir()) == []


def test_cli_render_defaults_to_turtle_name_and_report_title(tmp_path: Path) -> None:
    src = tmp_path / "r.ttl"
    shutil.copy(SMALL, src)
    result = CliRunner().invoke(cli, ["render", str(src)])
    assert result.exit_code == 0, result.output
    assert result.output == f"wrote {tmp_path / 'r.html'}\n"
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<title>涧西区 2021 政府工作报告 · 知识图谱</title>" in html


def test_cli_render_reads_outputs_without_the_ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "outputs").mkdir()
    shutil.copy(SMALL, tmp_path / "outputs" / "a.ttl")
    shutil.copy(XSS, tmp_path / "outputs" / "b.ttl")
    shutil.copy(ROOT / "ontology" / "kg.ttl", tmp_path / "outputs" / "kg.ttl")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["render", "--title", "两份", "--focus", "洛阳LYC", "--depth", "1"])
    assert result.exit_code == 0, result.output
    assert result.output == "wrote outputs/graph.html\n"
    data = page_data((tmp_path / "outputs" / "graph.html").read_text(encoding="utf-8"))
    # 洛阳LYC is an alias in both reports: both nodes are focus centres
    assert data["title"] == "两份" and len(data["focus"]) == 2


def test_cli_render_errors_are_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    missing = tmp_path / "nope.ttl"
    result = runner.invoke(cli, ["render", str(missing)])
    assert result.exit_code == 1
    assert result.output == f"Error: {missing}: no such file; pass a Turtle file written by `kg build`\n"
    bad = tmp_path / "bad.ttl"
    bad.write_text("kgr:x a .", encoding="utf-8")
    result = runner.invoke(cli, ["render", str(bad)])
    assert result.exit_code == 1 and result.output.startswith(f"Error: {bad}: not valid Turtle (")
    assert result.output.count("\n") == 1
    result = runner.invoke(cli, ["render", str(SMALL), "-o", str(tmp_path / "x.html"), "--focus", "洛州"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: --focus '洛州' matches no node's label or alias; did you mean '洛轴'? "
        "list the entities with `kg query` and pass one of their names\n"
    )
    result = runner.invoke(cli, ["render", str(SMALL), "--depth", "-1"])
    assert result.exit_code == 2 and "-1 is not in the range x>=0" in result.output
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["render"])
    assert result.exit_code == 1
    assert result.output == "Error: no report graphs (*.ttl) in outputs/; run `kg build` first or name TURTLE files\n"


def test_empty_graph_renders_a_page() -> None:
    graph = Graph()
    graph.add((KGR["report_a_2021"], RDF.type, KG.Report))
    graph.add((KGR["x"], RDFS.label, Literal("无类型")))
    data = page_data(render.render_html(graph, title="空"))
    assert data["nodes"] == [] and data["edges"] == []
