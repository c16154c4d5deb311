"""The ontology is the public contract: every term the code uses is declared and documented."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.resources import ontology_path
from kg.vocab import ALL_TERMS, ENTITY_CLASSES, KG, RELATIONS


@pytest.fixture(scope="module")
def onto() -> Graph:
    return Graph().parse(ontology_path())


@pytest.mark.parametrize("term", ALL_TERMS)
def test_term_declared_with_labels_and_definition(onto: Graph, term: str) -> None:
    node = KG[term]
    kinds = set(onto.objects(node, RDF.type))
    assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, f"kg:{term} is not declared"
    langs = {lit.language for lit in onto.objects(node, RDFS.label) if isinstance(lit, Literal)}
    assert {"zh", "en"} <= langs, f"kg:{term} needs rdfs:label in zh and en"
    assert list(onto.objects(node, SKOS.definition)) or list(onto.objects(node, RDFS.comment))


def test_contract_names_exist(onto: Graph) -> None:
    contract = {
        "Report", "Strategy", "Initiative", "Goal", "Project", "Organization", "Enterprise", "Platform",
        "Place", "Indicator", "Measurement", "hasComponent", "involves", "locatedIn", "partOf", "mentionedIn",
    }
    assert contract <= set(ALL_TERMS)
    assert (KG.Enterprise, RDFS.subClassOf, KG.Organization) in onto
    assert (KG.Action, RDFS.subClassOf, KG.Initiative) in onto
    assert set(RELATIONS) <= set(ALL_TERMS) and "Enterprise" in ENTITY_CLASSES


def test_every_class_and_property_in_the_ontology_is_known_to_the_code(onto: Graph) -> None:
    declared = {
        str(s)[len(str(KG)) :]
        for t in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for s in onto.subjects(RDF.type, t)
        if str(s).startswith(str(KG))
    }
    assert declared == set(ALL_TERMS)
