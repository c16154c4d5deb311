"""A synthetic report graph of any size in the layout of docs/graph.md.

Why: the HTML view must stay usable at thousands of nodes (a merged corpus), but the bundled
report yields a few hundred. The benchmark and the large-graph browser test both need the
same reproducible big graph, so it lives here rather than in either of them.
"""

from __future__ import annotations

import random

from rdflib import Graph, Literal
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from kg.vocab import KG, KGR, RELATIONS

_SYLLABLES = "洛阳涧西中信重工轴承智能制造科技创新产业园区高新绿色数字经济城乡融合开放服务民生教育医疗文旅交通物流能源材料装备"
_CLASSES: tuple[tuple[str, str, int], ...] = (
    # class, name suffix, weight
    ("Project", "项目", 30), ("Enterprise", "公司", 20), ("Place", "路", 12),
    ("Platform", "产业园", 10), ("Task", "工作", 8), ("Initiative", "工程", 6),
    ("Action", "行动", 4), ("Organization", "局", 4), ("Goal", "示范区", 3),
    ("Indicator", "总量", 4), ("Strategy", "战略", 1), ("Award", "奖", 1),
)


def synthetic_graph(n: int, *, seed: int = 7, edges_per_node: float = 1.4) -> Graph:
    """A deterministic graph with ``n`` entities, relations, evidence and measurements."""
    rng = random.Random(seed)
    g = Graph()
    report = KGR[f"report_synth_{n}"]
    g.add((report, RDF.type, KG.Report))
    g.add((report, KG.year, Literal("2021", datatype=XSD.gYear)))
    kinds = [c for c, _s, w in _CLASSES for _ in range(w)]
    suffix = {c: s for c, s, _w in _CLASSES}
    entities: list[tuple[str, str]] = []
    offset = 0
    section = None
    for i in range(n):
        cls = rng.choice(kinds)
        stem = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        label = f"{stem}{suffix[cls]}{i}"
        ent = KGR[f"e{i}"]
        entities.append((str(ent), cls))
        g.add((ent, RDF.type, KG[cls]))
        g.add((ent, RDFS.label, Literal(label, lang="zh")))
        g.add((ent, KG.mentionedIn, report))
        if rng.random() < 0.1:
            g.add((ent, SKOS.altLabel, Literal(f"{stem}{i}", lang="zh")))
        if i % 50 == 0:
            section = KGR[f"report_synth_{n}_sec_{i // 50 + 1}"]
            g.add((section, RDF.type, KG.Section))
            g.add((section, RDFS.label, Literal(f"（{i // 50 + 1}）第{i // 50 + 1}部分", lang="zh")))
            g.add((section, KG.start, Literal(offset)))
        text = f"加快推进{label}建设，确保按期完成。"
        sent = KGR[f"report_synth_{n}_sent_{i}"]
        g.add((sent, RDF.type, KG.Sentence))
        g.add((sent, KG.text, Literal(text)))
        g.add((sent, KG.start, Literal(offset)))
        g.add((sent, KG.end, Literal(offset + len(text))))
        g.add((sent, KG.inSection, section))
        start = offset + 4
        men = KGR[f"report_synth_{n}_m_{start}_{start + len(label)}"]
        g.add((men, RDF.type, KG.Mention))
        g.add((men, KG.text, Literal(label)))
        g.add((men, KG.start, Literal(start)))
        g.add((men, KG.end, Literal(start + len(label))))
        g.add((men, KG.inSentence, sent))
        g.add((men, KG.inSection, section))
        g.add((ent, KG.hasMention, men))
        if cls == "Indicator":
            for k, (year, target) in enumerate((("2020", False), ("2021", True))):
                meas = KGR[f"report_synth_{n}_meas_{start}_{k}"]
                g.add((meas, RDF.type, KG.Measurement))
                g.add((meas, KG.indicator, ent))
                g.add((meas, KG.value, Literal(round(rng.uniform(1, 500), 1))))
                g.add((meas, KG.unit, Literal(rng.choice(["亿元", "%", "万人", "家"]))))
                g.add((meas, KG.year, Literal(year, datatype=XSD.gYear)))
                g.add((meas, KG.isTarget, Literal(target)))
                g.add((meas, KG.evidence, men))
        offset += len(text)
    # Preferential attachment: a few hubs, many leaves, like a report's entity graph.
    ends: list[int] = [0]
    for i in range(1, n):
        for _ in range(max(1, round(rng.gauss(edges_per_node, 0.6)))):
            j = rng.choice(ends) if rng.random() < 0.7 else rng.randrange(i)
            if j != i:
                g.add((KGR[f"e{i}"], KG[rng.choice(RELATIONS)], KGR[f"e{j}"]))
                ends.extend((i, j))
    return g
