"""Resolve: one entity per real-world thing, with a canonical label, aliases and a class.

Names are merged when the text or general knowledge says they are the same: alias
definitions, glossary 简称, well-known aliases, a trade name plus a legal ending
(中信 / 中信重工), a group prefix plus a short name (洛耐 / 中钢洛耐), a conventional
abbreviation (自贸区涧西片区 / 中国（洛阳）自由贸易试验区涧西片区), a place and its
administrative ending (洛阳 / 洛阳市). The class is the one with the most confident
evidence; the label is the lexicon's canonical name, else the name rules used most.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from kg.extract.common import is_junk, region_short
from kg.extract.relations import ABBREVIATIONS, SHORT_FORM, abbreviate
from kg.iri import mint
from kg.lexicon import is_descriptive, load
from kg.model import Document, Extraction, Measurement, Mention, Warning
from kg.numerals import slogan_groups
from kg.vocab import ENTITY_CLASSES

ENTERPRISE_TAILS = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "重工", "股份", "公司", "控股", "科技")
PLACE_TAILS = ("省", "市", "县", "区", "自治区", "自治州")
SPECIFICITY = {k: i for i, k in enumerate(("Action", "Enterprise", "Strategy", "Award", "Platform", "Project", "Place", "Organization", "Initiative", "Task", "Goal", "Indicator"))}
COMPONENT_RULES = frozenset({"slogan-definition", "slogan-run-in", "slogan-list-before", "slogan-list-after", "glossary-list", "digit-code"})
NUMERALS = "一二三四五六七八九十两双百千万"
RANGE = {"involves": ("Enterprise", "Organization", "Project"), "locatedIn": ("Place", "Platform"), "alignsWith": ("Strategy",)}


@dataclass
class Entity:
    id: str  # IRI local name
    label: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    definition: str | None = None
    declared_count: int | None = None
    mentions: list[Mention] = field(default_factory=list)
    confidence: float = 0.0


@dataclass(frozen=True)
class Link:
    predicate: str
    subject: str  # entity id
    object: str
    evidence: Mention
    rule: str
    confidence: float
    ordinal: int | None = None


@dataclass
class Resolved:
    entities: list[Entity]
    links: list[Link]
    measurements: list[tuple[Measurement, str]]  # (measurement, indicator entity id)
    warnings: list[Warning]

    def by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def resolve(doc: Document, ex: Extraction) -> Resolved:
    lex = load()
    region_stem = region_short(doc)
    uf = _UnionFind()
    kinds_of: dict[str, set[str]] = defaultdict(set)
    for c in ex.candidates:
        uf.find(c.name)
        kinds_of[c.name].add(c.kind)
        for a in c.aliases:
            if a and a != c.name:
                uf.union(c.name, a)
                kinds_of[a].add(c.kind)
    names = sorted(kinds_of)
    org = {"Enterprise", "Organization"}
    for n in names:
        if n in lex.aliases:
            uf.union(n, lex.aliases[n][0])
        if n in lex.strategies:
            uf.union(n, lex.strategies[n])
    by_len = sorted(names, key=len)
    name_set = set(names)
    for s in by_len:
        ks = kinds_of[s]
        for tail in ENTERPRISE_TAILS:
            if ks & org and (s + tail) in name_set and kinds_of[s + tail] & org:
                uf.union(s, s + tail)
        for p in lex.soe_prefixes:
            if ks & org and (p + s) in name_set and kinds_of[p + s] & org:
                uf.union(s, p + s)
        for tail in PLACE_TAILS:
            if "Place" in ks and (s + tail) in name_set and "Place" in kinds_of[s + tail] and len(s) >= 2:
                if s[-1] in "江河湖山溪海" and s not in lex.places:
                    continue  # 岚江 (a river) and 岚江区 (a district named after it) are two places
                uf.union(s, s + tail)
    # 南溪恒信电子有限公司 / 恒信电子: a legal name is often the trade name behind a place
    places = sorted({n for n in names if "Place" in kinds_of[n]} | set(lex.places), key=lambda n: (-len(n), n))
    for n in names:
        if not kinds_of[n] & org:
            continue
        core = next((n[: -len(t)] for t in ENTERPRISE_TAILS if n.endswith(t) and len(n) > len(t) + 2), None)
        if core is None:
            continue
        for p in places:
            short = re.sub(r"(市|县|区)$", "", p)
            for prefix in dict.fromkeys((p, short)):
                rest = core[len(prefix) :] if len(prefix) >= 2 and core.startswith(prefix) else ""
                if len(rest) >= 3 and rest in name_set and kinds_of[rest] & org:
                    uf.union(rest, n)
    # 浙江禾锦服饰集团有限公司 / 禾锦集团: the brand after the place, the industry word left out
    legal = [n for n in names if kinds_of[n] & org and n.endswith(("有限公司", "集团公司"))]
    for s in names:
        sm = re.fullmatch(r"([\u4e00-\u9fff]{2})(集团|股份|控股)", s)
        if not (sm and kinds_of[s] & org) or s in lex.places:
            continue
        hits = [
            n for n in legal
            if re.match(rf"^(?:[\u4e00-\u9fff]{{2,3}}?(?:省|市|县|区)?)?{sm.group(1)}[\u4e00-\u9fff]{{2,4}}{sm.group(2)}(?:股份)?(?:有限公司|有限责任公司|公司)$", n)
        ]
        if len(hits) == 1 and uf.find(s) != uf.find(hits[0]):
            uf.union(s, hits[0])
    for n in names:  # 广文路小学项目 / 广文路小学: a project is also called by its object
        if "Project" in kinds_of[n] and n.endswith(("项目", "工程")) and len(n) >= 6 and n[:-2] in name_set:
            uf.union(n, n[:-2])
    platforms = [n for n in names if "Platform" in kinds_of[n]]
    for a in platforms:
        for b in platforms:
            if a != b and len(a) >= 5 and len(b) > len(a) and abbreviate(b).endswith(a) and abbreviate(b) != b:
                uf.union(a, b)
    # 跨境电商产业园 / 涧西跨境电商产业园, 科创小镇 / 洛阳新材料及智能装备科创小镇: a platform
    # called by the end of its full name, when exactly one longer platform ends that way
    for a in platforms:
        longer = sorted((b for b in platforms if b != a and b.endswith(a)), key=len)
        # one longer name, or a chain of them (智能装备科创小镇 ⊂ 洛阳新材料及智能装备科创小镇)
        chain = all(longer[-1].endswith(b) for b in longer)
        if len(a) >= 4 and longer and chain and "—" not in longer[-1]:
            uf.union(a, longer[-1])
    for a, b in _abbreviation_pairs(names, kinds_of):
        uf.union(a, b)
    # clusters
    clusters: dict[str, list[int]] = defaultdict(list)
    for i, c in enumerate(ex.candidates):
        clusters[uf.find(c.name)].append(i)
    nested = _nested(ex)
    entities: dict[str, Entity] = {}
    name_to_id: dict[str, str] = {}
    for root in sorted(clusters):
        idx = clusters[root]
        cands = [ex.candidates[i] for i in idx]
        primary = [c for i, c in zip(idx, cands, strict=True) if c.mention.rule not in ("name-match", SHORT_FORM) and i not in nested]
        if not primary:
            continue
        score: dict[str, float] = defaultdict(float)
        for c in primary:
            # a slogan's part keeps the class its definition gives it (城乡融合发展试验区 is a goal there)
            weight = 2.0 if c.mention.rule in COMPONENT_RULES else 1.0
            if c.kind == "Indicator":
                weight = 0.5  # 瑞普药业、启明医疗分别新增…: a company counted, not an indicator
            if c.mention.rule in ("glossary-term", "quoted-programme", "quoted-slogan") and c.name[:1] in NUMERALS:
                weight = 5.0  # “四好农村路” explained in the glossary: a numbered slogan, whatever its ending
            score[c.kind] += c.mention.confidence * weight
        if "Action" in score:
            kind = "Action"
        elif any(c.name in lex.strategies for c in primary) and "Strategy" in score:
            kind = "Strategy"  # 新发展格局 (双循环): a known strategy stays one
        elif any(c.name in lex.places for c in primary) and "Place" in score and not score.keys() & {"Enterprise", "Organization", "Platform", "Project"}:
            kind = "Place"  # 关中, 陕南 named as a slogan's parts: a known region stays a place
        elif any(c.mention.rule == "action-heading" for c in primary):
            kind = "Initiative"  # 工业强县 heads a subsection: a slogan, whatever its ending says
        else:
            kind = max(score, key=lambda k: (score[k], -SPECIFICITY.get(k, 99)))
        all_names = {c.name for c in cands} | {a for c in cands for a in c.aliases}
        label = _label(cands, all_names, lex.aliases, lex.strategies)
        if (
            kind == "Platform"
            and re.fullmatch(r"[\u4e00-\u9fff]{2,6}港", label)
            and not re.search(r"数字|经济|科技|科创|创新|智慧|物流|陆港|空港|信息|文化|电商|医疗|健康|国际", label)
            and region_stem
            and not label.startswith(region_stem)
        ):
            kind = "Place"  # 天津港, 武汉阳逻港: another city's port is a place the report trades with; its own is a platform
        quoted = any(doc.text[c.mention.start - 1 : c.mention.start] == "“" and c.name == label for c in primary)
        road = label[:1] in "和向" and kind == "Place"  # 和平北路, 向阳镇
        probe = "名" + label[1:]
        if quoted and kind in ("Action", "Initiative"):
            probe = probe.replace("、", "")  # “人人持证、技能清河”行动: one campaign named by two phrases
        if is_junk(label) and kind not in ("Goal", "Task", "Indicator") and not ((quoted or road) and not is_junk(probe)):
            continue  # …but “和美乡村” is a quoted name that merely starts like a clause
        if kind not in ENTITY_CLASSES:
            continue
        if kind in ("Enterprise", "Organization", "Project", "Platform", "Place") and re.search(r"(?<![中高初])等|.的.", label):
            continue  # 养老等基本生活服务功能的社区商圈: a description, not a name
        if kind in ("Project", "Platform") and all(_counted(doc, c.mention) for c in primary if c.kind == kind):
            # 引进产业链关键配套项目30个, 开展审计监督项目46个: a kind of project, counted
            if "Indicator" not in score:
                continue
            kind = "Indicator"
        if kind in ("Platform", "Place") and re.fullmatch(r"进(?:景区|社区|商圈|机场|校园|园区|企业|农村|乡村|家庭|车站|市场|超市|军营|网格)", label):
            continue  # 推动文旅产品进景区、进商圈、进机场: where a campaign goes, not a place
        if kind in ("Project", "Platform", "Place") and _place_slogan(label, region_stem):
            continue  # 平安南溪, 美丽枫桥, 技能清河: a slogan about the place
        aliases = sorted(n for n in all_names if n != label and n)
        mentions = sorted({(c.mention.start, c.mention.end): c.mention for c in cands}.values(), key=lambda m: (m.start, m.end))
        definition = next((c.definition for c in cands if c.definition), None)
        declared = next((c.declared_count for c in cands if c.declared_count), None) if kind in ("Initiative", "Action") else None
        ent = Entity(mint(label), label, kind, aliases, definition, declared, mentions, max(c.mention.confidence for c in primary))
        if ent.id in entities:  # two clusters, one label: keep them apart by class
            ent.id = f"{ent.id}_{kind}"
        entities[ent.id] = ent
        for n in all_names:
            name_to_id[n] = ent.id
    links = _links(ex, name_to_id, entities)
    measurements = []
    for m in ex.measurements:
        ind = name_to_id.get(m.indicator)
        if ind and entities[ind].kind != "Indicator":
            # 安置房 is also named as a project head elsewhere: the indicator gets its own node
            other = entities[ind]
            ind_id = f"{mint(m.indicator)}_Indicator"
            if ind_id not in entities:
                ms = [c.mention for c in ex.candidates if c.kind == "Indicator" and c.name == m.indicator]
                entities[ind_id] = Entity(ind_id, m.indicator, "Indicator", [], None, None, ms or [m.evidence], 0.7)
            ind = ind_id if other.label == m.indicator or m.indicator in other.aliases else None
        if ind and entities[ind].kind == "Indicator":
            measurements.append((m, ind))
    return Resolved(sorted(entities.values(), key=lambda e: e.id), links, measurements, list(ex.warnings))


QUALIFIERS = ("国家级", "国家", "省级", "市级")
ABBREVIABLE = ("Platform", "Project", "Organization", "Enterprise")


def _abbreviation_pairs(names: list[str], kinds_of: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Short forms a report uses for a longer name it also uses, by how Chinese contracts names.

    - a character abbreviation of the distinctive head: 涧渑先进制造业产业园 for
      涧西渑池先进制造业产业园 (shared ending of ≥ 3 characters, the short head a
      non-contiguous subsequence of the long head starting with its first character);
    - a dash pair without its generic ending or in the other order: 王府井—丹尼斯 for
      丹尼斯—王府井商圈;
    - a rank qualifier before a conventional abbreviation: 国家自贸区 for
      中国（洛阳）自由贸易试验区.
    Each short form merges only with exactly one longer name of the same class.
    """
    pairs: list[tuple[str, str]] = []
    for kind in ABBREVIABLE:
        group = [n for n in names if kind in kinds_of[n]]
        for s in group:
            found = [long for long in group if long != s and _abbreviates(s, long)]
            if len(found) == 1:
                pairs.append((s, found[0]))
    return pairs


def _abbreviates(short: str, long: str) -> bool:
    if len(short) < 3 or len(long) <= len(short):
        return False
    if "—" in short:  # the same two landmarks, in either order; the long form may add an ending
        ps, pl = short.split("—"), long.split("—")
        if len(ps) != 2 or len(pl) != 2:
            return False
        return any(a == pl[0] and pl[1].startswith(b) and len(pl[1]) - len(b) <= 4 for a, b in (ps, ps[::-1]))
    if "—" in long or short in long:
        return False
    for q in QUALIFIERS:
        if short.startswith(q) and len(short) - len(q) >= 3:
            bare = short[len(q):]
            ab = abbreviate(long)
            if ab != long and ab.endswith(bare) and bare in {v for _, v in ABBREVIATIONS}:
                return True
    tail = 0
    while tail < len(short) and short[-1 - tail] == long[-1 - tail]:
        tail += 1
    head_s, head_l = short[: len(short) - tail], long[: len(long) - tail]
    if tail < 3 or len(head_s) < 2 or head_s[0] != head_l[0] or head_s in head_l:
        return False
    it = iter(head_l)
    return all(ch in it for ch in head_s)


_COUNT_AFTER = re.compile(r"\s*(?:\d+(?:\.\d+)?|[两三四五六七八九十]+)\s*(?:个|项|家|处|所|条)(?![\u4e00-\u9fff]{0,2}(?:项目|工程))")
_COUNT_BEFORE = re.compile(r"(?:\d+|[两三四五六七八九十]+)\s*(?:个|项)$")


def _counted(doc: Document, m: Mention) -> bool:
    """A name that is counted where it stands is a kind of thing: 港澳资项目27个, 20项…项目."""
    listed = doc.text[m.start - 1 : m.start] in ("、", "和", "及", "与")  # A、B和C3条道路: the count sums a list
    return bool((_COUNT_AFTER.match(doc.text, m.end) and not listed) or _COUNT_BEFORE.search(doc.text[max(0, m.start - 6) : m.start]))


def _place_slogan(label: str, region_short: str) -> bool:
    """平安南溪, 技能清河: a two-character aim or a descriptive word before the report's own place."""
    if len(region_short) < 2 or not label.endswith(region_short) or label == region_short:
        return False
    lead = label[: -len(region_short)]
    return is_descriptive(lead) or (len(lead) == 2 and lead[0] not in "东西南北中新老大小上下")


def _label(cands: list, all_names: set[str], lex_aliases: dict[str, tuple[str, str]], strategies: dict[str, str]) -> str:
    for n in sorted(all_names):
        if n in lex_aliases and lex_aliases[n][0] in all_names | {lex_aliases[n][0]}:
            return lex_aliases[n][0]
        if n in strategies:
            return strategies[n]
    counts: dict[str, int] = defaultdict(int)
    for c in cands:
        counts[c.name] += 1
    return max(sorted(counts), key=lambda n: (counts[n], len(n)))


def _nested(ex: Extraction) -> set[int]:
    """Candidates whose span lies strictly inside a same-class candidate's span."""
    spans = defaultdict(list)
    for i, c in enumerate(ex.candidates):
        if c.mention.rule not in ("name-match", "subarea-name", "phase-name", "place-chain", "list-along", "branch-name", "project-owner"):
            spans[c.kind].append((c.mention.start, c.mention.end, i))
    out = set()
    parts = [
        (c.mention.start, c.mention.end)
        for c in ex.candidates
        if c.mention.rule in COMPONENT_RULES and c.kind in ("Goal", "Task")
    ]
    for i, c in enumerate(ex.candidates):  # 先进制造业示范区 inside the goal 国家级先进制造业示范区
        if c.mention.rule.startswith("suffix:") and any(
            s <= c.mention.start and c.mention.end <= e and (e - s) > (c.mention.end - c.mention.start) for s, e in parts
        ):
            out.add(i)
    longer = [
        (c.mention.start, c.mention.end)
        for c in ex.candidates
        if c.kind in ("Platform", "Place", "Project") and (c.mention.rule.startswith("suffix:") or c.mention.rule == "alias-definition")
    ]
    pairs = [(i, c) for i, c in enumerate(ex.candidates) if c.mention.rule == "dash-pair" and c.kind in ("Enterprise", "Organization")]
    for s, e in longer:
        inside = [(i, c) for i, c in pairs if s <= c.mention.start and c.mention.end <= e and (e - s) > (c.mention.end - c.mention.start)]
        if any(c.mention.end == e for _i, c in inside):
            # 中越白石—茶岭跨境经济合作区: the right half carries the zone's ending, so the dash is
            # inside one name and pairs no companies (万达广场—长申国际商圈 still pairs two)
            out.update(i for i, _c in inside)
    honours = [(c.mention.start, c.mention.end) for c in ex.candidates if c.kind == "Award" and c.mention.rule in ("honour", "quoted-honour")]
    for i, c in enumerate(ex.candidates):  # 高品质步行街 inside 创建省级高品质步行街: the title, not a street
        if c.mention.rule.startswith("suffix:") and any(
            s <= c.mention.start and c.mention.end == e for s, e in honours  # the same span: the honour wins
        ):
            out.add(i)
    hosts = {(c.mention.start, c.mention.end) for c in ex.candidates if c.kind in ("Platform", "Organization") and c.mention.rule.startswith("suffix:")}
    for i, c in enumerate(ex.candidates):  # 乌兰旗草原生态修复工程 inside …修复工程技术研究中心: the centre's name
        if c.kind == "Project" and c.mention.rule.startswith("suffix:") and any(
            s == c.mention.start and e > c.mention.end for s, e in hosts
        ):
            out.add(i)
    others = sorted(  # an indicator is a phrase, not a name: 输送农村劳动力到广东稳定就业 still names 广东
        (c.mention.start, c.mention.end) for c in ex.candidates
        if c.kind not in ("Place", "Indicator") and c.mention.rule != "name-match" and "、" not in c.mention.text
    )  # a part's evidence that spans a list (两带: 关中、陕南陕北两条创新带) is no name around the places
    for i, c in enumerate(ex.candidates):  # 西安 inside 西安交通大学: a gazetteer hit inside another name
        if c.kind == "Place" and c.mention.rule == "lexicon":
            if any(s <= c.mention.start and c.mention.end <= e and (e - s) > (c.mention.end - c.mention.start) for s, e in others):
                out.add(i)
    strategy_spans = [(c.mention.start, c.mention.end) for c in ex.candidates if c.kind == "Strategy" and c.mention.rule == "lexicon"]
    for i, c in enumerate(ex.candidates):  # 战略资源基地 inside 国家重要能源和战略资源基地: part of a strategy's name
        if c.kind != "Strategy" and c.mention.rule not in ("name-match",) and any(
            s <= c.mention.start and c.mention.end <= e and (e - s) > (c.mention.end - c.mention.start) for s, e in strategy_spans
        ):
            out.add(i)
    for items in spans.values():
        items.sort()
        for s, e, i in items:
            for s2, e2, _j in items:
                if s2 > s:
                    break
                if s2 <= s and e <= e2 and (e2 - s2) > (e - s):
                    out.add(i)
                    break
    return out


def _links(ex: Extraction, name_to_id: dict[str, str], entities: dict[str, Entity]) -> list[Link]:
    best: dict[tuple[str, str, str], Link] = {}
    for r in ex.relations:
        s, o = name_to_id.get(r.subject), name_to_id.get(r.object)
        if not s or not o or s == o:
            continue
        allowed = RANGE.get(r.predicate)
        if allowed and entities[o].kind not in allowed:
            continue
        if r.predicate == "involves" and entities[s].kind in ("Enterprise", "Organization", "Place"):
            continue
        key = (r.predicate, s, o)
        link = Link(r.predicate, s, o, r.evidence, r.rule, r.confidence, r.ordinal)
        old = best.get(key)
        if old is None or (link.confidence, -link.evidence.start) > (old.confidence, -old.evidence.start):
            best[key] = link
    _close_components(best, entities)
    return sorted(best.values(), key=lambda x: (x.predicate, x.subject, x.object))


def _close_components(best: dict[tuple[str, str, str], Link], entities: dict[str, Entity]) -> None:
    """Also link a multi-part slogan to the parts of its numbered groups.

    Why: 三区两中心一枢纽 → 三区 → 洛阳国家大学科技园 is how the text builds it, but a
    reader asking for the slogan's parts expects the named places too, and annotators list
    digit codes (1+3+N) flat. Writing out this one step answers the flat reading; the
    assertion's rule (component-closure) tells it from the direct tree.
    """
    children: dict[str, list[Link]] = defaultdict(list)
    for (pred, s, _o), link in best.items():
        if pred == "hasComponent":
            children[s].append(link)
    for top, links in list(children.items()):
        if not is_multipart(entities[top].label):
            continue
        for mid in links:
            if entities[mid.object].kind != "Initiative" or is_multipart(entities[mid.object].label):
                continue
            for leaf in children.get(mid.object, []):
                key = ("hasComponent", top, leaf.object)
                if key not in best and leaf.object != top and entities[leaf.object].kind not in ("Task",):
                    best[key] = Link("hasComponent", top, leaf.object, leaf.evidence, "component-closure", round(min(mid.confidence, leaf.confidence) * 0.9, 2), None)


def is_multipart(label: str) -> bool:
    """三区两中心一枢纽, 1+3+N, 两不愁三保障: a slogan built from two or more numbered groups."""
    core = label.strip("“”")
    if re.match(r"[\dNnX]+(?:\+[\dNnX]+)+", core):
        return True
    return len(slogan_groups(core)) >= 2

