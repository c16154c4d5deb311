"""Namespaces and ontology terms; a test checks every term here exists in ontology/kg.ttl."""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

KG = Namespace("https://w3id.org/gwr-kg/ontology#")
KGR = Namespace("https://w3id.org/gwr-kg/id/")
ONTOLOGY_IRI = "https://w3id.org/gwr-kg/ontology"

PREFIXES: dict[str, str] = {
    "kg": str(KG),
    "kgr": str(KGR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
}

# Entity classes, most specific first where they nest; names are the ontology's local names.
ENTITY_CLASSES: tuple[str, ...] = (
    "Strategy",
    "Initiative",
    "Action",
    "Goal",
    "Task",
    "Project",
    "Organization",
    "Enterprise",
    "Platform",
    "Place",
    "Indicator",
    "Award",
)
SUPERCLASS: dict[str, str] = {"Action": "Initiative", "Enterprise": "Organization"}
OTHER_CLASSES: tuple[str, ...] = (
    "Report", "Section", "Sentence", "Mention", "Assertion", "Entity", "Measurement",
)
RELATIONS: tuple[str, ...] = ("hasComponent", "involves", "locatedIn", "partOf", "alignsWith")
OTHER_PROPERTIES: tuple[str, ...] = (
    "mentionedIn", "hasMention", "evidence", "inSentence", "inSection", "inReport", "region",
    "indicator", "value", "unit", "year", "isTarget", "qualifier", "change", "baseYear", "about",
    "text", "start", "end", "rule", "confidence", "level", "sectionKind", "ordinal",
    "declaredCount", "sha256", "meeting", "speaker", "speakerRole",
)
ALL_TERMS: tuple[str, ...] = ENTITY_CLASSES + OTHER_CLASSES + RELATIONS + OTHER_PROPERTIES
