"""kg query: the embedded store, output formats, errors, and the competency questions.

Competency answers are checked against what the seed report (data/000_…txt) really says,
on the committed graph outputs/000_0be72cd4c93cb315.ttl; where the built graph does not
(yet) say it, the test is marked xfail(strict=True) with the reason, so a fix shows up.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner

from kg import store
from kg.cli import cli
from kg.resources import ontology_path
from kg.vocab import PREFIXES

ROOT = Path(__file__).resolve().parent.parent
SEED_TTL = ROOT / "outputs" / "000_0be72cd4c93cb315.ttl"
SECOND = Path(__file__).resolve().parent / "data" / "query" / "linxi_2023.ttl"


@pytest.fixture(scope="session")
def seed_ttl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report's graph: the committed build, else a fresh `kg build`."""
    if SEED_TTL.is_file():
        return SEED_TTL
    from kg.api import build_reports

    out = tmp_path_factory.mktemp("seed")
    list(build_reports([ROOT / "data" / "000_0be72cd4c93cb315.txt"], out, html=False))
    return out / SEED_TTL.name


@pytest.fixture(scope="session")
def seed_store(seed_ttl: Path) -> ox.Store:
    return store.open_store([seed_ttl])


@pytest.fixture(scope="session")
def seed_rdflib(seed_ttl: Path) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(seed_ttl, format="turtle")
    graph.parse(ontology_path(), format="turtle")
    return graph


def run(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["query", *args])
    return result.exit_code, result.output


def answer(st: ox.Store, query_name: str, **params: str) -> list[dict[str, str]]:
    """A named query's rows as {variable: display text}."""
    text = store.apply_params(store.named_query(query_name).text, list(params.items()))
    result = store.run_query(st, text)
    return [{v: store.display(t) for v, t in zip(result.variables, row, strict=True)}
            for row in result.rows]


def column(rows: list[dict[str, str]], var: str) -> set[str]:
    return {r[var] for r in rows}


# ------------------------------------------------------------------ competency questions


def test_components_of_三区两中心一枢纽(seed_store: ox.Store) -> None:
    pairs = {(r["parentLabel"], r["componentLabel"]) for r in answer(seed_store, "components")}
    assert pairs == {
        ("三区两中心一枢纽", "三区"), ("三区两中心一枢纽", "两中心"), ("三区两中心一枢纽", "一枢纽"),
        ("三区", "全国先进制造业发展引领区"), ("三区", "全国科技创新示范区"),
        ("三区", "洛阳都市圈高质量发展样板区"),
        ("两中心", "全国工业人文交流中心"), ("两中心", "洛阳都市圈高品质消费中心"),
        ("一枢纽", "全国重要的生产服务型物流枢纽"),
    }


def test_components_of_四新两特三争先(seed_store: ox.Store) -> None:
    rows = answer(seed_store, "components", name="四新两特三争先")
    pairs = {(r["parentLabel"], r["componentLabel"]) for r in rows}
    assert pairs == {
        ("四新两特三争先", "四新"), ("四新两特三争先", "两特"), ("四新两特三争先", "三争先"),
        ("四新", "经济实力迈上新台阶"), ("四新", "开放引领实现新突破"),
        ("四新", "场域载体展现新气象"), ("四新", "人民幸福感达到新高度"),
        ("两特", "科技创新特色优势更加彰显"), ("两特", "区域性高品质特色消费日益显现"),
        ("三争先", "在制造业高质量发展上奋勇争先"), ("三争先", "在推动工业文化旅游上奋勇争先"),
        ("三争先", "在区域辐射带动作用上奋勇争先"),
    }


def test_components_found_by_alias_too(seed_store: ox.Store, seed_rdflib: rdflib.Graph) -> None:
    """Names match skos:altLabel as well as rdfs:label."""
    alias = next(
        (str(o), str(s)) for s, o in seed_rdflib.subject_objects(rdflib.SKOS.altLabel)
        if (s, rdflib.URIRef(PREFIXES["kg"] + "hasComponent"), None) in seed_rdflib
    )
    rows = answer(seed_store, "components", name=alias[0])
    assert rows, f"no components found via alias {alias[0]} of {alias[1]}"


def test_initiatives_involving_洛轴(seed_store: ox.Store) -> None:
    # 两特 (科技创新: 支持中信、洛轴、洛耐…), 三争先 (发展壮大中信、一拖、洛轴…), 制造业提质 (洛轴时速
    # 350km高铁轴承产业化), 创新提速 (洛阳LYC创建轴承国家产业创新中心; LYC is 洛轴), 开放提力
    # (支持中信、一拖、洛轴等龙头企业…).
    rows = answer(seed_store, "involves")
    assert {(r["label"], r["class"]) for r in rows} == {
        ("两特", "Initiative"), ("三争先", "Initiative"), ("制造业提质", "Action"),
        ("创新提速", "Action"), ("开放提力", "Action"),
    }


def test_enterprises_in_制造业提质(seed_store: ox.Store) -> None:
    rows = answer(seed_store, "enterprises")
    assert column(rows, "label") == {
        "洛轴", "河柴重工", "中信重工", "一拖", "中钢洛耐", "中实重机", "凯迈气源", "一拖众成",
        "中冶建材", "科威钨钼",
    }


def test_growth_targets_2021(seed_store: ox.Store) -> None:
    # 生产总值增长8%以上，规模以上工业增加值增长8%以上，固定资产投资增长8%以上，社会消费品零售总额
    # 增长10%以上，一般公共预算收入增长7%以上，居民收入增长9%以上
    rows = answer(seed_store, "growth_targets")
    got = {(r["indicatorLabel"], float(r["value"]), r["unit"], r["qualifier"]) for r in rows}
    assert got == {
        ("生产总值", 8.0, "%", "以上"), ("规模以上工业增加值", 8.0, "%", "以上"),
        ("固定资产投资", 8.0, "%", "以上"), ("社会消费品零售总额", 10.0, "%", "以上"),
        ("一般公共预算收入", 7.0, "%", "以上"), ("居民收入", 9.0, "%", "以上"),
    }


def test_growth_targets_of_another_year_are_not_2021(seed_store: ox.Store) -> None:
    assert answer(seed_store, "growth_targets", year="1999") == []


ROADS = {
    ("一环", "丝路大道"), ("一环", "涧滨南路"), ("一环", "滨河北路"),
    ("七横", "芳华路"), ("七横", "建设路"), ("七横", "中州西路"), ("七横", "景华路"),
    ("七横", "西苑路"), ("七横", "联盟路"), ("七横", "九都西路"),
    ("六纵", "南昌路"), ("六纵", "天津路"), ("六纵", "周山大道"), ("六纵", "长安路"),
    ("六纵", "武汉路"), ("六纵", "秦岭路"),
}


def test_roads_of_一环七横六纵(seed_store: ox.Store) -> None:
    # “一环”是丝路大道、涧滨南路、滨河北路环线 (the loop of three roads: the road is 滨河北路)；
    # “七横”是芳华路…九都西路；“六纵”是南昌路…秦岭路
    rows = answer(seed_store, "roads")
    assert {(r["groupLabel"], r["roadLabel"]) for r in rows} == ROADS


def test_definition_of_放管服(seed_store: ox.Store) -> None:
    rows = answer(seed_store, "definition")
    assert [(r["label"], r["definition"].rstrip("。")) for r in rows] == [
        ("放管服", "简政放权、加强监管、优化服务")
    ]


def test_evidence_for_制造业提质_involves_洛轴(seed_store: ox.Store) -> None:
    rows = answer(seed_store, "evidence")
    assert rows, "no assertion 制造业提质 involves 洛轴"
    assert {r["relation"] for r in rows} == {"involves"}
    assert any("洛轴时速" in r["sentence"] and "高铁轴承产业化" in r["sentence"] for r in rows)
    assert any("加快产业结构调整" in r["sectionLabel"] for r in rows)


def test_located_along_涧河(seed_store: ox.Store) -> None:
    # 推进涧河沿线同乐寨、符家屯、七里河等6个村庄改造项目
    assert {"同乐寨", "符家屯", "七里河"} <= column(answer(seed_store, "located"), "label")


def test_measurements_of_生产总值_target_and_achieved(seed_store: ox.Store) -> None:
    # 2020: 全区生产总值达380亿元; 2021 target: 生产总值增长8%以上
    rows = answer(seed_store, "measurements")
    got = {(r["year"], r["kind"], float(r["value"]), r["unit"]) for r in rows}
    assert {("2020", "achieved", 380.0, "亿元"), ("2021", "target", 8.0, "%")} <= got
    assert {r["indicatorLabel"] for r in rows} == {"生产总值"}


# ------------------------------------------------------------------ rdflib agrees


NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("decimal", "integer", "double", "float")}


def _lexical(value: str, datatype: str) -> str:
    """Numbers compare by value: Oxigraph prints 8.0 (xsd:decimal) canonically as 8."""
    return str(Decimal(value).normalize()) if datatype in NUMERIC else value


def _oxi_key(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> tuple[str, ...]:
    if term is None:
        return ("unbound",)
    if isinstance(term, ox.NamedNode):
        return ("iri", term.value)
    if isinstance(term, ox.Literal):
        datatype = "" if term.language else term.datatype.value
        return ("lit", _lexical(term.value, datatype), term.language or "", datatype)
    return ("bnode",)


def _rdflib_key(term: rdflib.term.Node | None) -> tuple[str, ...]:
    if term is None:
        return ("unbound",)
    if isinstance(term, rdflib.URIRef):
        return ("iri", str(term))
    if isinstance(term, rdflib.Literal):
        datatype = "" if term.language else str(term.datatype or rdflib.XSD.string)
        return ("lit", _lexical(str(term), datatype), term.language or "", datatype)
    return ("bnode",)


@pytest.mark.parametrize("name", sorted(store.named_queries()))
def test_rdflib_and_pyoxigraph_agree(name: str, seed_store: ox.Store,
                                     seed_rdflib: rdflib.Graph) -> None:
    text = store.named_query(name).text
    ours = store.run_query(seed_store, text)
    theirs = seed_rdflib.query(text, initNs=PREFIXES)
    assert [str(v) for v in theirs.vars or []] == ours.variables
    mine = Counter(tuple(_oxi_key(t) for t in row) for row in ours.rows)
    other = Counter(tuple(_rdflib_key(row[v]) for v in theirs.vars or []) for row in theirs)
    assert mine == other
    assert ours.rows, f"{name} has no answer on the seed report"


# ------------------------------------------------------------------ named queries


def test_every_named_query_states_its_question() -> None:
    queries = store.named_queries()
    assert len(queries) >= 9
    for q in queries.values():
        assert q.text.startswith("# "), q.name
        assert q.question.endswith("?"), q.name


def test_list_shows_names_questions_and_parameters() -> None:
    code, out = run(["--list"])
    assert code == 0
    lines = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}
    assert set(lines) == set(store.named_queries())
    assert lines["evidence"][2] == 'subject="制造业提质", object="洛轴"'


def test_param_values_are_escaped_not_injected() -> None:
    code, out = run(["--name", "involves", "-p", 'name=x" } ?s ?p ?o {', str(SECOND)])
    assert code == 0, out
    assert out.endswith("(0 rows)\n")


def test_param_can_repeat_for_several_values() -> None:
    text = store.apply_params('SELECT ?n WHERE { VALUES ?n { "a" } }', [("n", "洛轴"), ("n", "强链")])
    assert 'VALUES ?n { "洛轴" "强链" }' in text


def test_named_query_on_another_report() -> None:
    code, out = run(["--name", "involves", "--format", "csv", str(SECOND)])
    assert code == 0, out
    # CliRunner's output turns the CSV's CRLF into LF; test_csv_is_rfc4180 checks the CRLF.
    assert out == "label,class,initiative\n强链,Action,https://w3id.org/gwr-kg/id/强链\n"


# ------------------------------------------------------------------ formats


SELECT_ORG = "SELECT ?x ?label WHERE { ?x a/rdfs:subClassOf* kg:Organization ; rdfs:label ?label }"


def test_table_is_aligned_with_wide_characters() -> None:
    code, out = run([SELECT_ORG, str(SECOND)])
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].split() == ["x", "label"]
    width = lambda s: sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)  # noqa: E731
    label_col = width(lines[0][: lines[0].index("label")])
    assert width(lines[2][: lines[2].rindex("洛轴")]) == label_col
    assert lines[-1] == "(1 row)"


def test_subclass_reasoning_needs_the_ontology_which_is_loaded() -> None:
    assert run([SELECT_ORG, str(SECOND), "--format", "tsv"])[1] == '?x\t?label\n<https://w3id.org/gwr-kg/id/洛轴>\t"洛轴"@zh\n'


def test_json_is_sparql_results_json() -> None:
    code, out = run([SELECT_ORG, str(SECOND), "--format", "json"])
    assert code == 0
    doc = json.loads(out)
    assert doc["head"]["vars"] == ["x", "label"]
    assert doc["results"]["bindings"] == [{
        "x": {"type": "uri", "value": "https://w3id.org/gwr-kg/id/洛轴"},
        "label": {"type": "literal", "value": "洛轴", "xml:lang": "zh"},
    }]


def test_csv_is_rfc4180() -> None:
    result = store.query_files([SECOND], 'SELECT ?t ?n WHERE { kgr:report_临溪县_2023_sent_1 kg:text ?t '
                               '. BIND("a,\\"b\\"\\nc" AS ?n) }')
    out = store.format_result(result, "csv")
    assert out == 't,n\r\n支持洛轴在临溪建设轴承基地。,"a,""b""\nc"\r\n'
    assert list(csv.reader(io.StringIO(out))) == [["t", "n"], ["支持洛轴在临溪建设轴承基地。", 'a,"b"\nc']]


def test_construct_defaults_to_turtle_and_parses() -> None:
    code, out = run(["CONSTRUCT { ?a kg:involves ?b } WHERE { ?a kg:involves ?b }", str(SECOND)])
    assert code == 0, out
    graph = rdflib.Graph().parse(data=out, format="turtle")
    assert set(graph) == {(rdflib.URIRef(PREFIXES["kgr"] + "强链"),
                           rdflib.URIRef(PREFIXES["kg"] + "involves"),
                           rdflib.URIRef(PREFIXES["kgr"] + "洛轴"))}


def test_describe_as_table() -> None:
    code, out = run(["DESCRIBE kgr:洛轴", str(SECOND), "--format", "table"])
    assert code == 0, out
    assert out.splitlines()[0].split() == ["subject", "predicate", "object"]
    assert "kgr:洛轴  rdf:type" in out.replace("   ", "  ")


def test_ask() -> None:
    assert run(["ASK { kgr:强链 kg:involves kgr:洛轴 }", str(SECOND)]) == (0, "true\n")
    assert run(["ASK { kgr:洛轴 a kg:Organization }", str(SECOND), "--format", "json"]) == (
        0, '{"head": {}, "boolean": false}\n')


def test_each_report_is_a_named_graph_and_default_graph_is_the_union(seed_ttl: Path) -> None:
    code, out = run(["SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?g a kg:Report } } GROUP BY ?g",
                     str(seed_ttl), str(SECOND), "--format", "csv"])
    assert code == 0
    assert sorted(out.splitlines()[1:]) == [
        "https://w3id.org/gwr-kg/id/report_临溪县_2023,1",
        "https://w3id.org/gwr-kg/id/report_涧西区_2021,1",
    ]
    code, out = run(["SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a kg:Report }",
                     str(seed_ttl), str(SECOND), "--format", "csv"])
    assert out.splitlines()[1] == "2"


def test_default_inputs_are_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "linxi.ttl").write_bytes(SECOND.read_bytes())
    (tmp_path / "outputs" / "kg.ttl").write_text("this is not turtle")  # the ontology: skipped
    monkeypatch.chdir(tmp_path)
    assert run(["ASK { kgr:强链 kg:involves kgr:洛轴 }"]) == (0, "true\n")


# ------------------------------------------------------------------ errors


def test_malformed_query_reports_line_and_column() -> None:
    code, out = run(["SELECT ?x WHERE {\n  ?x a }", str(SECOND)])
    assert code == 1
    assert out == ("Error: query: syntax error at line 2, column 9: "
                   "expected one of FILTER, SELECT, VALUES, [_]\n")


def test_malformed_query_file_is_named(tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT * WHERE { ?s ?p }", encoding="utf-8")
    code, out = run(["-f", str(bad), str(SECOND)])
    assert code == 1
    assert out.startswith(f"Error: {bad}: syntax error at line 1, column ")


def test_update_refused_without_flag() -> None:
    code, out = run(["PREFIX ex: <http://example.org/> # comment\nINSERT DATA { ex:a ex:b ex:c }",
                     str(SECOND)])
    assert code == 1
    assert out == ("Error: query: is a SPARQL update (INSERT); kg query only reads — pass "
                   "--allow-update to apply it to an in-memory copy and print the result\n")


def test_update_allowed_edits_a_copy_only() -> None:
    before = SECOND.read_bytes()
    code, out = run(["DELETE WHERE { ?s rdfs:label ?o }", str(SECOND), "--allow-update"])
    assert code == 0, out
    graph = rdflib.Graph().parse(data=out, format="turtle")
    assert not list(graph.triples((None, rdflib.RDFS.label, None)))
    assert (None, rdflib.URIRef(PREFIXES["kg"] + "involves"), None) in graph
    assert not list(graph.triples((None, rdflib.OWL.versionInfo, None)))  # ontology not printed
    assert SECOND.read_bytes() == before


def test_keywords_inside_strings_do_not_look_like_updates() -> None:
    assert store.update_keyword('SELECT * WHERE { ?s ?p "INSERT" }') is None
    assert store.update_keyword("# DELETE\nASK {}") is None
    assert store.update_keyword("PREFIX x: <http://x/> BASE <http://y/> delete where {?s ?p ?o}") == "DELETE"


def test_ttl_for_select_is_refused() -> None:
    code, out = run([SELECT_ORG, str(SECOND), "--format", "ttl"])
    assert code == 1
    assert out == ("Error: --format ttl is for CONSTRUCT and DESCRIBE queries; "
                   "for SELECT and ASK use table, csv, tsv or json\n")


def test_unknown_name_and_parameter() -> None:
    code, out = run(["--name", "nope", str(SECOND)])
    assert code == 1
    assert out.startswith("Error: no named query 'nope'; `kg query --list` shows them: components,")
    code, out = run(["--name", "involves", "-p", "foo=bar", str(SECOND)])
    assert out == ("Error: query involves: no parameter 'foo' (no `VALUES ?foo {…}` block); "
                   "its parameters: name\n")
    code, out = run(["--name", "involves", "-p", "foo", str(SECOND)])
    assert out == "Error: --param 'foo': expected NAME=VALUE, e.g. --param name=洛轴\n"


def test_bad_turtle_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text("<a> <b> .", encoding="utf-8")
    code, out = run(["ASK {}", str(bad)])
    assert code == 1
    assert out.startswith(f"Error: {bad}: not valid Turtle (") and "kg build" in out
    code, out = run(["ASK {}", str(tmp_path / "none.ttl")])
    assert out == f"Error: {tmp_path / 'none.ttl'}: no such file; pass a Turtle file written by `kg build`\n"


def test_no_outputs_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run(["ASK {}"]) == (
        1, "Error: no report graphs (*.ttl) in outputs/; run `kg build` first or name TURTLE files\n")


def test_query_needs_a_query() -> None:
    code, out = run([])
    assert code == 2
    assert "give a QUERY, -f FILE.rq or --name NAME (or --list)" in out
