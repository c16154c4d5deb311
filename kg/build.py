"""Build: a resolved extraction and its document → an rdflib Graph (see docs/graph.md).

The only stage that knows RDF. Every node has an IRI (no blank nodes) so serialisation is
byte-identical across builds.
"""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, XSD

from kg.iri import mint, short_hash
from kg.model import Document, Mention
from kg.resolve import Resolved
from kg.vocab import KG, KGR, PREFIXES


def report_id(doc: Document) -> str:
    md = doc.metadata
    if md.region and md.year:
        return mint(f"report_{md.region}_{md.year}")
    return f"report_{doc.sha256[:12]}"


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g


def _zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def build_graph(doc: Document, res: Resolved) -> Graph:
    g = new_graph()
    rid = report_id(doc)
    report = KGR[rid]
    md = doc.metadata
    g.add((report, RDF.type, KG.Report))
    g.add((report, DCTERMS.title, _zh(md.title)))
    g.add((report, RDFS.label, _zh(f"{md.region or ''}{md.year or ''}年{md.title}")))
    g.add((report, DCTERMS.source, Literal(doc.source.name)))
    g.add((report, KG.sha256, Literal(doc.sha256)))
    g.add((report, KG.text, Literal(doc.text)))
    if md.date:
        g.add((report, DCTERMS.date, Literal(md.date, datatype=XSD.date)))
    if md.year:
        g.add((report, KG.year, Literal(str(md.year), datatype=XSD.gYear)))
    if md.meeting:
        g.add((report, KG.meeting, Literal(md.meeting)))
    if md.speaker:
        g.add((report, KG.speaker, Literal(md.speaker)))
    if md.speaker_role:
        g.add((report, KG.speakerRole, Literal(md.speaker_role)))
    if md.region:
        g.add((report, KG.region, KGR[mint(md.region)]))

    def sec_iri(sid: str) -> URIRef:
        return KGR[f"{rid}_sec_{sid}"]

    for sec in doc.sections:
        s = sec_iri(sec.id)
        g.add((s, RDF.type, KG.Section))
        g.add((s, RDFS.label, _zh(sec.title)))
        g.add((s, KG.level, Literal(sec.level)))
        g.add((s, KG.sectionKind, Literal(sec.kind)))
        g.add((s, KG.ordinal, Literal(sec.ordinal)))
        g.add((s, KG.start, Literal(sec.start)))
        g.add((s, KG.end, Literal(sec.end)))
        g.add((s, KG.inReport, report))
        if sec.parent:
            g.add((s, DCTERMS.isPartOf, sec_iri(sec.parent)))

    used_sentences: set[int] = set()

    def mention_node(m: Mention) -> URIRef:
        node = KGR[f"{rid}_m_{m.start}_{m.end}"]
        if (node, RDF.type, KG.Mention) in g:
            return node
        sent = doc.sentence_at(m.start)
        g.add((node, RDF.type, KG.Mention))
        g.add((node, KG.text, Literal(m.text)))
        g.add((node, KG.start, Literal(m.start)))
        g.add((node, KG.end, Literal(m.end)))
        g.add((node, KG.rule, Literal(m.rule)))
        g.add((node, KG.confidence, Literal(Decimal(str(round(m.confidence, 2))))))
        g.add((node, KG.inReport, report))
        if sent is not None:
            used_sentences.add(sent.index)
            g.add((node, KG.inSentence, KGR[f"{rid}_sent_{sent.index}"]))
            if sent.section:
                g.add((node, KG.inSection, sec_iri(sent.section)))
        return node

    for e in res.entities:
        node = KGR[e.id]
        g.add((node, RDF.type, KG[e.kind]))
        g.add((node, RDFS.label, _zh(e.label)))
        for a in e.aliases:
            g.add((node, SKOS.altLabel, _zh(a)))
        if e.definition:
            g.add((node, SKOS.definition, _zh(e.definition)))
        if e.declared_count:
            g.add((node, KG.declaredCount, Literal(e.declared_count)))
        g.add((node, KG.mentionedIn, report))
        for m in e.mentions:
            g.add((node, KG.hasMention, mention_node(m)))

    for link in res.links:
        s, p, o = KGR[link.subject], KG[link.predicate], KGR[link.object]
        g.add((s, p, o))
        a = KGR[f"{rid}_a_{short_hash(f'{link.subject}|{link.predicate}|{link.object}')}"]
        g.add((a, RDF.type, KG.Assertion))
        g.add((a, RDF.subject, s))
        g.add((a, RDF.predicate, p))
        g.add((a, RDF.object, o))
        g.add((a, KG.evidence, mention_node(link.evidence)))
        g.add((a, KG.rule, Literal(link.rule)))
        g.add((a, KG.confidence, Literal(Decimal(str(round(link.confidence, 2))))))
        g.add((a, KG.inReport, report))
        if link.ordinal is not None:
            g.add((a, KG.ordinal, Literal(link.ordinal)))

    ids = res.by_id()
    for m, ind in res.measurements:
        node = KGR[f"{rid}_meas_{m.evidence.start}_{m.evidence.end}"]
        g.add((node, RDF.type, KG.Measurement))
        g.add((node, KG.indicator, KGR[ind]))
        g.add((node, KG.value, Literal(m.value, datatype=XSD.decimal)))
        g.add((node, KG.unit, Literal(m.unit)))
        if m.year:
            g.add((node, KG.year, Literal(str(m.year), datatype=XSD.gYear)))
        g.add((node, KG.isTarget, Literal(m.is_target)))
        if m.qualifier:
            g.add((node, KG.qualifier, Literal(m.qualifier)))
        if m.change:
            g.add((node, KG.change, Literal(m.change)))
        if m.base_year:
            g.add((node, KG.baseYear, Literal(str(m.base_year), datatype=XSD.gYear)))
        g.add((node, KG.evidence, mention_node(m.evidence)))
        g.add((node, KG.rule, Literal(m.rule)))
        g.add((node, KG.confidence, Literal(Decimal(str(round(m.confidence, 2))))))
        g.add((node, KG.mentionedIn, report))
        g.add((node, RDFS.label, _zh(f"{ids[ind].label} {m.value}{m.unit}")))

    for sent in doc.sentences:
        if sent.index not in used_sentences:
            continue
        s = KGR[f"{rid}_sent_{sent.index}"]
        g.add((s, RDF.type, KG.Sentence))
        g.add((s, KG.text, Literal(sent.text)))
        g.add((s, KG.start, Literal(sent.start)))
        g.add((s, KG.end, Literal(sent.end)))
        g.add((s, KG.inReport, report))
        if sent.section:
            g.add((s, KG.inSection, sec_iri(sent.section)))
    return g
