"""SHACL shapes and the offset check accept the documented layout and catch each breakage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD

from kg.cli import cli
from kg.validate import ValidationResult, validate, validate_file
from kg.vocab import KG, KGR
from tests.conftest import ROOT, SEED, TESTDATA

FIXTURE = TESTDATA / "validate" / "conforming.ttl"
REPORT = KGR["report_涧西区_2021"]
MEAS = KGR["report_涧西区_2021_meas_37_47"]
M_ZXZG = KGR["report_涧西区_2021_m_27_31"]
ASSERTION = KGR["report_涧西区_2021_a_00000000"]


@pytest.fixture(scope="module")
def base() -> Graph:
    return Graph().parse(FIXTURE, format="turtle")


def broken(base: Graph, change: Callable[[Graph], None]) -> ValidationResult:
    graph = Graph()
    for triple in base:
        graph.add(triple)
    change(graph)
    return validate(graph)


def test_conforming_fixture_passes(base: Graph) -> None:
    result = validate(base)
    assert result == ValidationResult(conforms=True, violations=[], offset_errors=[])


def test_missing_label(base: Graph) -> None:
    result = broken(base, lambda g: g.remove((KGR.中信重工, RDFS.label, None)))
    assert not result.conforms
    assert result.violations == [
        "kgr:中信重工 rdfs:label: an entity needs exactly one rdfs:label in Chinese (@zh)"
    ]
    assert result.offset_errors == []


def test_two_labels_or_english_label(base: Graph) -> None:
    two = broken(base, lambda g: g.add((KGR.洛轴, RDFS.label, Literal("洛阳LYC", lang="zh"))))
    assert two.violations == [
        "kgr:洛轴 rdfs:label: an entity needs exactly one rdfs:label in Chinese (@zh)"
    ]

    def english(g: Graph) -> None:
        g.set((KGR.洛轴, RDFS.label, Literal("Luoyang Bearing", lang="en")))

    result = broken(base, english)
    assert result.violations == [
        "kgr:洛轴 rdfs:label: an entity needs exactly one rdfs:label in Chinese (@zh)"
        " (value 'Luoyang Bearing')"
    ]


def test_label_must_be_a_one_line_name(base: Graph) -> None:
    result = broken(base, lambda g: g.set((KGR.洛轴, RDFS.label, Literal("\n洛轴", lang="zh"))))
    assert result.violations == [
        "kgr:洛轴 rdfs:label: an entity label is a one-line name without leading or trailing"
        " space (value '\\n洛轴')"
    ]


def test_entity_without_mention_or_report(base: Graph) -> None:
    def strip(g: Graph) -> None:
        g.remove((KGR.生产总值, KG.hasMention, None))
        g.remove((KGR.生产总值, KG.mentionedIn, None))

    result = broken(base, strip)
    assert result.violations == [
        "kgr:生产总值 kg:hasMention: an entity needs at least one kg:hasMention to a kg:Mention",
        "kgr:生产总值 kg:mentionedIn: an entity needs kg:mentionedIn a kg:Report",
    ]


def test_wrong_offsets_are_caught_by_the_offset_check(base: Graph) -> None:
    def shift(g: Graph) -> None:
        g.set((M_ZXZG, KG.start, Literal(26)))
        g.set((M_ZXZG, KG.end, Literal(30)))

    result = broken(base, shift)
    assert result.violations == []  # SHACL cannot see this one
    assert result.offset_errors == [
        "kgr:report_涧西区_2021_m_27_31: kg:text '中信重工' != report text[26:30] '持中信重'"
    ]
    assert not result.conforms


def test_start_not_before_end(base: Graph) -> None:
    result = broken(base, lambda g: g.set((M_ZXZG, KG.end, Literal(27))))
    assert result.violations == [
        "kgr:report_涧西区_2021_m_27_31 kg:start: a mention's kg:start must be less than its"
        " kg:end (value 27)"
    ]
    assert result.offset_errors == [
        "kgr:report_涧西区_2021_m_27_31: offsets [27, 27) are not a non-empty range of the"
        " report text (length 48)"
    ]


def test_offsets_past_the_end_and_sentence_text(base: Graph) -> None:
    sentence = KGR["report_涧西区_2021_sent_0"]
    result = broken(base, lambda g: g.set((sentence, KG.text, Literal("涧西区政府工作"))))
    assert result.offset_errors == [
        "kgr:report_涧西区_2021_sent_0: kg:text '涧西区政府工作' != report text[0:9] '涧西区政府工作报告'"
    ]
    result = broken(base, lambda g: g.set((M_ZXZG, KG.end, Literal(99))))
    assert result.offset_errors == [
        "kgr:report_涧西区_2021_m_27_31: offsets [27, 99) are not a non-empty range of the"
        " report text (length 48)"
    ]


def test_measurement_without_unit(base: Graph) -> None:
    result = broken(base, lambda g: g.remove((MEAS, KG.unit, None)))
    assert result.violations == [
        "kgr:report_涧西区_2021_meas_37_47 kg:unit: a measurement needs exactly one kg:unit,"
        " a non-empty string"
    ]


def test_measurement_value_must_be_decimal(base: Graph) -> None:
    result = broken(base, lambda g: g.set((MEAS, KG.value, Literal("8.0"))))
    assert result.violations == [
        "kgr:report_涧西区_2021_meas_37_47 kg:value: a measurement needs exactly one kg:value,"
        " an xsd:decimal (value '8.0')"
    ]


def test_measurement_indicator_must_be_an_indicator(base: Graph) -> None:
    result = broken(base, lambda g: g.set((MEAS, KG.indicator, KGR.中信重工)))
    assert result.violations == [
        "kgr:report_涧西区_2021_meas_37_47 kg:indicator: a measurement needs exactly one"
        " kg:indicator, a kg:Indicator (value kgr:中信重工)"
    ]


def test_measurement_year_and_target(base: Graph) -> None:
    def change(g: Graph) -> None:
        g.add((MEAS, KG.year, Literal("2025", datatype=XSD.gYear)))
        g.remove((MEAS, KG.isTarget, None))

    result = broken(base, change)
    assert result.violations == [
        "kgr:report_涧西区_2021_meas_37_47 kg:isTarget: a measurement needs exactly one"
        " kg:isTarget, an xsd:boolean",
        "kgr:report_涧西区_2021_meas_37_47 kg:year: a measurement has at most one kg:year,"
        " an xsd:gYear",
    ]


def test_involves_needs_an_organization_or_a_project(base: Graph) -> None:
    # Enterprise objects pass in the fixture (subclass of Organization); a Place does not.
    result = broken(base, lambda g: g.add((KGR.制造业提质, KG.involves, KGR.涧西区)))
    assert result.violations == [
        "kgr:制造业提质 kg:involves: a kg:involves object must be a kg:Organization (or"
        " Enterprise) or a kg:Project (value kgr:涧西区)"
    ]


def test_involves_accepts_a_project(base: Graph) -> None:
    def retype(g: Graph) -> None:  # the fixture's involved enterprise, now a project
        g.set((KGR.洛轴, RDF.type, KG.Project))

    assert broken(base, retype).conforms


def test_located_in_a_platform_passes_in_an_enterprise_does_not(base: Graph) -> None:
    # a project built in a park or port area lies in that platform (东港区…码头工程 → 东港区)
    def located_in(kind: URIRef) -> Callable[[Graph], None]:
        def change(g: Graph) -> None:  # a copy of 中信重工 with another class, as the place
            for _s, p, o in list(g.triples((KGR.中信重工, None, None))):
                g.add((KGR.园区, p, kind if p == RDF.type else o))
            g.add((KGR.制造业提质, KG.locatedIn, KGR.园区))

        return change

    assert broken(base, located_in(KG.Platform)).conforms
    assert broken(base, located_in(KG.Enterprise)).violations == [
        "kgr:制造业提质 kg:locatedIn: a kg:locatedIn object must be a kg:Place or a kg:Platform (value kgr:园区)"
    ]


def test_plain_organization_is_an_organization(base: Graph) -> None:
    def retype(g: Graph) -> None:
        g.set((KGR.洛轴, RDF.type, KG.Organization))

    assert broken(base, retype).conforms


def test_has_component_objects_are_entities(base: Graph) -> None:
    result = broken(base, lambda g: g.add((KGR.制造业提质, KG.hasComponent, M_ZXZG)))
    assert result.violations == [
        "kgr:制造业提质 kg:hasComponent: a kg:hasComponent object must be an entity"
        " (value kgr:report_涧西区_2021_m_27_31)"
    ]


def test_report_checksum_and_text(base: Graph) -> None:
    def change(g: Graph) -> None:
        g.set((REPORT, KG.sha256, Literal("ABC123")))

    result = broken(base, change)
    assert result.violations == [
        "kgr:report_涧西区_2021 kg:sha256: a report needs exactly one kg:sha256 of 64"
        " lower-case hex digits (value 'ABC123')"
    ]
    result = broken(base, lambda g: g.remove((REPORT, KG.text, None)))
    assert "kgr:report_涧西区_2021 kg:text: a report needs exactly one kg:text string (the" \
        " normalised text)" in result.violations
    assert "kgr:report_涧西区_2021_m_27_31: its report kgr:report_涧西区_2021 has no kg:text" \
        in result.offset_errors


def test_assertion_without_evidence(base: Graph) -> None:
    result = broken(base, lambda g: g.remove((ASSERTION, KG.evidence, None)))
    assert result.violations == [
        "kgr:report_涧西区_2021_a_00000000 kg:evidence: an assertion needs kg:evidence,"
        " a kg:Mention"
    ]


def test_mention_without_sentence(base: Graph) -> None:
    result = broken(base, lambda g: g.remove((M_ZXZG, KG.inSentence, None)))
    assert result.violations == [
        "kgr:report_涧西区_2021_m_27_31 kg:inSentence: a mention needs exactly one"
        " kg:inSentence, a kg:Sentence"
    ]


# ------------------------------------------------------------------- CLI


def test_cli_conforming_file() -> None:
    result = CliRunner().invoke(cli, ["validate", str(FIXTURE)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{FIXTURE}: conforms\n"


def test_cli_broken_file(tmp_path: Path, base: Graph) -> None:
    graph = Graph()
    for triple in base:
        graph.add(triple)
    graph.remove((MEAS, KG.unit, None))
    graph.remove((KGR.中信重工, RDFS.label, None))
    path = tmp_path / "broken.ttl"
    graph.serialize(path, format="turtle")
    result = CliRunner().invoke(cli, ["validate", str(path), "--limit", "1"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        f"{path}: does not conform: 2 SHACL violation(s), 0 offset error(s)",
        "  kgr:report_涧西区_2021_meas_37_47 kg:unit: a measurement needs exactly one kg:unit,"
        " a non-empty string",
        "  … and 1 more (use --limit 0 to see all)",
    ]


def test_cli_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    missing = tmp_path / "missing.ttl"
    result = runner.invoke(cli, ["validate", str(missing)])
    assert result.exit_code == 1
    assert result.output == (
        f"Error: {missing}: no such Turtle file; run `kg build` first or check the path\n"
    )
    bad = tmp_path / "bad.ttl"
    bad.write_text("kgr:x a kg:Report .\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}: not valid Turtle (")
    assert result.output.endswith("); rebuild it with `kg build`\n")
    assert result.output.count("\n") == 1
    result = runner.invoke(cli, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path}: is a folder; name the Turtle files, e.g. {tmp_path}/*.ttl\n"
    assert runner.invoke(cli, ["validate", "--bogus"]).exit_code == 2
    help_text = runner.invoke(cli, ["validate", "--help"]).output
    assert "0 every graph conforms; 1 a graph does not conform" in help_text


def test_cli_default_targets_skip_the_ontology(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert result.output == (
        "Error: no report graphs (*.ttl) in outputs/; run `kg build` first or name TURTLE files\n"
    )
    (tmp_path / "outputs").mkdir()
    (tmp_path / "outputs" / "kg.ttl").write_bytes((ROOT / "ontology" / "kg.ttl").read_bytes())
    (tmp_path / "outputs" / "r.ttl").write_bytes(FIXTURE.read_bytes())
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0, result.output
    assert result.output == "outputs/r.ttl: conforms\n"


# ------------------------------------------------------------------- the seed report


def test_fresh_build_of_the_seed_conforms(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(SEED), "-o", str(tmp_path), "--no-html"])
    assert result.exit_code == 0, result.output
    built = validate_file(tmp_path / f"{SEED.stem}.ttl")
    assert built.violations == []
    assert built.offset_errors == []
    assert built.conforms


def test_committed_seed_output_conforms() -> None:
    committed = ROOT / "outputs" / f"{SEED.stem}.ttl"
    result = validate_file(committed)
    assert (result.violations, result.offset_errors) == ([], [])


REPORTS = sorted((TESTDATA / "reports").glob("*.txt"))


@pytest.mark.parametrize("report", REPORTS, ids=[p.name for p in REPORTS])
def test_own_evaluation_reports_conform(tmp_path: Path, report: Path) -> None:
    result = CliRunner().invoke(cli, ["build", str(report), "-o", str(tmp_path), "--no-html"])
    assert result.exit_code == 0, result.output
    built = validate_file(tmp_path / f"{report.stem}.ttl")
    assert (built.violations, built.offset_errors) == ([], [])
